/**
 * The record part of a case file: the parties (organisations, persons, experts) with their
 * registry facts and provenance, the triage history with notes, the data sources (LoadBatch: file,
 * SHA-256, load time, source system), the engine version and detector settings in force, and how
 * to verify the file.
 */
import { Content, decimal, facts, fragment, Html, label, money, table, tag, when } from './html';
import type { CaseEntity, CaseModel } from './model';
import type { Sources } from './provenance';

const basename = (file: string | undefined) => (file ? (file.split(/[\\/]/).pop() ?? file) : '');

export function partiesSection(model: CaseModel, sources: Sources): Html {
  const of = (kind: CaseEntity['kind']) => model.entities.filter((e) => e.kind === kind);
  const sanctioned = (e: CaseEntity) => (e.sanctions.length ? e.sanctions.join(', ') : '');
  const ties = (e: CaseEntity) =>
    e.ties.map((t) => `${t.type}${t.share !== undefined ? ` ${decimal(t.share)}` : ''} → ${t.to}`).join('; ');
  const orgs = of('organization').map((e) => [
    e.id,
    e.name ?? '',
    e.orgKind ?? '',
    e.uscc ?? '',
    e.region ?? '',
    e.address ?? e.addresses.join('; '),
    e.phones.join(', '),
    e.legalReps.join(', '),
    sanctioned(e),
    e.roles.join(', '),
    sources.cell(e.prov),
  ]);
  const persons = of('person').map((e) => [
    e.id,
    e.name ?? '',
    e.employers.join(', '),
    e.phones.join(', '),
    [e.address, ...e.addresses.filter((a) => a !== e.address)].filter(Boolean).join('; '),
    e.emails.join(', '),
    e.idHash ? tag('code', { class: 'hash' }, e.idHash) : '',
    e.certificates.join(', '),
    [ties(e), sanctioned(e)].filter(Boolean).join('; '),
    e.roles.join(', '),
    sources.cell(e.prov),
  ]);
  const experts = of('expert').map((e) => [
    e.id,
    e.name ?? '',
    e.person ?? '',
    e.employers.join(', '),
    e.region ?? '',
    e.phones.join(', '),
    sanctioned(e),
    e.roles.join(', '),
    sources.cell(e.prov),
  ]);
  const parts: Content[] = [tag('h2', { id: 'parties' }, label('当事方', 'Parties'))];
  if (orgs.length) {
    parts.push(
      tag('h3', {}, label('单位', 'Organisations')),
      table(
        [
          label('编号', 'Id'),
          label('名称', 'Name'),
          label('类别', 'Kind'),
          label('统一社会信用代码', 'USCC'),
          label('地区', 'Region'),
          label('地址', 'Address'),
          label('电话', 'Phones'),
          label('法定代表人', 'Legal rep.'),
          label('处罚', 'Sanctions'),
          label('本案角色', 'Roles here'),
          label('来源', 'Source'),
        ],
        orgs,
        'parties',
      ),
    );
  }
  if (persons.length) {
    parts.push(
      tag('h3', {}, label('人员', 'Persons')),
      table(
        [
          label('编号', 'Id'),
          label('姓名', 'Name'),
          label('单位', 'Employer'),
          label('电话', 'Phones'),
          label('地址', 'Address'),
          label('邮箱', 'E-mail'),
          label('身份证号哈希', 'ID-number hash'),
          label('证书', 'Certificates'),
          label('关系与处罚', 'Ties, sanctions'),
          label('本案角色', 'Roles here'),
          label('来源', 'Source'),
        ],
        persons,
        'parties',
      ),
    );
  }
  if (experts.length) {
    parts.push(
      tag('h3', {}, label('评标专家', 'Experts')),
      table(
        [
          label('编号', 'Id'),
          label('姓名', 'Name'),
          label('人员', 'Person'),
          label('单位', 'Employer'),
          label('地区', 'Region'),
          label('电话', 'Phones'),
          label('处罚', 'Sanctions'),
          label('本案角色', 'Roles here'),
          label('来源', 'Source'),
        ],
        experts,
        'parties',
      ),
    );
  }
  return fragment(parts);
}

export function triageSection(model: CaseModel): Html {
  const log = model.flag?.triage ?? [];
  return fragment(
    tag('h2', { id: 'triage' }, label('处置记录', 'Triage history')),
    log.length
      ? table(
          [label('时间', 'When'), label('决定', 'Decision'), label('处置人', 'By'), label('说明', 'Note')],
          log.map((t) => [when(t.at), t.status, t.by, t.note ?? '']),
        )
      : tag(
          'p',
          { class: 'note' },
          model.flag ? '尚无处置记录。 Not triaged yet.' : '无线索，无处置记录。 No flag, no triage.',
        ),
  );
}

export function sourcesSection(model: CaseModel, sources: Sources): Html {
  const last = model.lastLoad;
  return fragment(
    tag('h2', { id: 'sources' }, label('数据来源', 'Data sources (provenance)')),
    tag(
      'p',
      {},
      '表中“来源”列指向下列数据装载批次（LoadBatch）：写入该事实的最近一次装载，及首次装载。 The “Source” column of every table names the load below that last wrote the fact (and the first one, when different).',
    ),
    table(
      [
        label('引用', 'Ref'),
        label('批次', 'Load'),
        label('文件', 'File'),
        label('SHA-256', 'Checksum'),
        label('格式', 'Format'),
        label('来源系统', 'Source system'),
        label('装载时间', 'Loaded'),
        label('记录数', 'Records'),
        label('状态', 'Status'),
      ],
      [...model.batches]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((b) => [
          sources.ref(b.id),
          b.id,
          fragment(tag('strong', {}, basename(b.file)), tag('br', {}), tag('span', { class: 'path' }, b.file ?? '')),
          tag('code', { class: 'hash' }, b.checksum ?? ''),
          b.format ?? '',
          b.source ?? '—',
          `${when(b.startedAt)} – ${when(b.finishedAt)}`,
          b.records === undefined ? '' : money(b.records),
          b.status ?? '',
        ]),
      'sources',
    ),
    tag(
      'p',
      {},
      label('数据截至', 'Data as of'),
      '：',
      last
        ? `${when(last.finishedAt ?? last.startedAt)} — ${basename(last.file)} (${last.id}, SHA-256 ${last.checksum ?? ''})`
        : '无装载记录 no load recorded',
    ),
  );
}

export function engineSection(model: CaseModel): Html {
  const { engine } = model;
  const differs = engine.run?.settingsHash && engine.run.settingsHash !== engine.settingsHash;
  return fragment(
    tag('h2', { id: 'engine' }, label('引擎与设置', 'Engine and detector settings')),
    facts([
      [label('引擎版本', 'Engine version'), `collusion-engine ${engine.version}`],
      [label('检测设置哈希', 'Settings hash'), tag('code', {}, engine.settingsHash)],
      [
        label('写入此结果的评分运行', 'Scoring run that wrote this finding'),
        engine.run
          ? `${engine.run.id} (${engine.run.mode ?? ''}, ${when(engine.run.startedAt)}; settings ${engine.run.settingsHash ?? '未记录 not recorded'})`
          : '未找到 not found',
      ],
      [
        label('最近评分运行', 'Latest scoring run'),
        engine.latestRun
          ? `${engine.latestRun.id} (${engine.latestRun.mode ?? ''}, ${when(engine.latestRun.startedAt)})`
          : '',
      ],
    ]),
    differs
      ? tag(
          'p',
          { class: 'warning' },
          '注意：该结果是在另一组检测设置下计算的。 Note: the finding was scored with other settings than those in force now.',
        )
      : '',
    tag('p', {}, '现行检测设置 Detector settings in force (COLLUSION_SETTINGS over the documented defaults):'),
    table(
      [label('检测器', 'Detector'), label('设置', 'Settings')],
      Object.entries(engine.settings).map(([id, values]) => [
        id,
        tag(
          'code',
          {},
          Object.entries(values)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join('  '),
        ),
      ]),
      'settings',
    ),
  );
}

export function verificationSection(model: CaseModel): Html {
  return fragment(
    tag('h2', { id: 'verify' }, label('核验', 'Verification')),
    tag(
      'p',
      {},
      `本文件由 ${model.producedBy} 于 ${when(model.producedAt)} 生成；其 SHA-256 已写入系统的哈希链审计日志。核验：collusion case verify <文件>。任何改动（哪怕一个字节）都会使核验失败。`,
    ),
    tag(
      'p',
      { class: 'en' },
      `Produced by ${model.producedBy} at ${when(model.producedAt)}. Its SHA-256 is written to the system's hash-chained audit log; check a copy with \`collusion case verify <file>\`: any change, even of one byte, fails the check.`,
    ),
    model.redacted
      ? tag(
          'p',
          { class: 'warning' },
          '本文件已脱敏：人员姓名与编号、电话、地址、邮箱、身份证号哈希、证书、文件作者与账户均以化名代替（同一文件内一致）；单位名称保留。 Redacted copy: names and ids of persons, phones, addresses, e-mails, ID hashes, certificates, document authors and accounts are replaced by pseudonyms consistent within this file; organisation names are kept.',
        )
      : '',
  );
}
