// What bench:case makes case files of: the active flag with the highest score that is not a
// community flag, the active cartel-community flag with the highest score, and the active
// community with the highest score (ties by id). A scan of flags and communities: it picks the
// subjects, it is not measured. Parameters: none. Returns: flag, cartel, community (ids or null).
RETURN COLLECT {
         MATCH (x:Flag) WHERE x.active = true AND x.detector <> 'cartel-community'
         RETURN x.id AS id ORDER BY x.score DESC, x.id LIMIT 1
       }[0] AS flag,
       COLLECT {
         MATCH (x:Flag {detector: 'cartel-community'}) WHERE x.active = true
         RETURN x.id AS id ORDER BY x.score DESC, x.id LIMIT 1
       }[0] AS cartel,
       COLLECT {
         MATCH (k:Community) WHERE k.active = true
         RETURN k.id AS id ORDER BY k.score DESC, k.id LIMIT 1
       }[0] AS community
