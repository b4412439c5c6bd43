/**
 * The texts a case file cites: the articles of the tendering and procurement laws the detectors
 * name in `flag.basis`, and a paragraph on each published method (price screens, co-bidding
 * communities, OCP red flags), so that the reader of the dossier has the rule beside the finding.
 * Articles quoted verbatim are marked `quote`; where the wording is abridged it says so
 * (`paraphrase`, shown as "paraphrase 摘要"). Always check against the official gazette text.
 */

export interface Source {
  /** Key used in the table below. */
  key: string;
  /** Full title as cited, e.g. 《中华人民共和国招标投标法实施条例》. */
  title: string;
  /** English title. */
  english: string;
  /** Aliases in `basis` strings, most specific first. */
  aliases: string[];
}

export interface Provision {
  source: string;
  article: number;
  /** 'quote': the article's text; 'paraphrase': an abridged summary. */
  mode: 'quote' | 'paraphrase';
  text: string;
}

export interface Method {
  key: string;
  aliases: RegExp;
  title: string;
  description: string;
  reference: string;
}

export const SOURCES: Source[] = [
  {
    key: 'gpl-regs',
    title: '《中华人民共和国政府采购法实施条例》',
    english: 'Regulations for the Implementation of the Government Procurement Law',
    aliases: ['政府采购法实施条例'],
  },
  {
    key: 'tbl-regs',
    title: '《中华人民共和国招标投标法实施条例》',
    english: 'Regulations for the Implementation of the Tendering and Bidding Law',
    aliases: ['招标投标法实施条例', '条例'],
  },
  {
    key: 'tbl',
    title: '《中华人民共和国招标投标法》',
    english: 'Tendering and Bidding Law',
    aliases: ['招标投标法'],
  },
  {
    key: 'gpl',
    title: '《中华人民共和国政府采购法》',
    english: 'Government Procurement Law',
    aliases: ['政府采购法'],
  },
  {
    key: 'eval',
    title: '《评标委员会和评标方法暂行规定》',
    english: 'Interim Provisions on Bid Evaluation Committees and Evaluation Methods',
    aliases: ['评标委员会和评标方法暂行规定', '评标规定'],
  },
  {
    key: 'must',
    title: '《必须招标的工程项目规定》（国家发展改革委令第16号，2018）',
    english: 'Provisions on Construction Projects that Must Be Tendered (NDRC Order No. 16, 2018)',
    aliases: ['必须招标的工程项目规定', '国家发展改革委令第16号'],
  },
  {
    key: 'mof87',
    title: '《政府采购货物和服务招标投标管理办法》（财政部令第87号）',
    english: 'Measures on Tendering for Government Procurement of Goods and Services (MOF Order No. 87)',
    aliases: ['MOF Order 87', '财政部令第87号'],
  },
];

const P = (source: string, article: number, mode: Provision['mode'], text: string): Provision => ({
  source,
  article,
  mode,
  text,
});

/** The article texts, by source and article number. */
export const PROVISIONS: Provision[] = [
  P('tbl', 4, 'quote', '任何单位和个人不得将依法必须进行招标的项目化整为零或者以其他任何方式规避招标。'),
  P(
    'tbl',
    9,
    'quote',
    '招标项目按照国家有关规定需要履行项目审批手续的，应当先履行审批手续，取得批准。招标人应当有进行招标项目的相应资金或者资金来源已经落实，并应当在招标文件中如实载明。',
  ),
  P(
    'tbl',
    24,
    'quote',
    '招标人应当确定投标人编制投标文件所需要的合理时间；但是，依法必须进行招标的项目，自招标文件开始发出之日起至投标人提交投标文件截止之日止，最短不得少于二十日。',
  ),
  P(
    'tbl',
    37,
    'paraphrase',
    '评标由招标人依法组建的评标委员会负责。依法必须进行招标的项目，评标委员会由招标人的代表和有关技术、经济等方面的专家组成，成员人数为五人以上单数，其中专家不得少于成员总数的三分之二；专家从专家名册或者专家库内的相关专业的专家名单中确定。与投标人有利害关系的人不得进入相关项目的评标委员会；已经进入的应当更换。评标委员会成员的名单在中标结果确定前应当保密。',
  ),
  P(
    'tbl',
    46,
    'quote',
    '招标人和中标人应当自中标通知书发出之日起三十日内，按照招标文件和中标人的投标文件订立书面合同。招标人和中标人不得再行订立背离合同实质性内容的其他协议。招标文件要求中标人提交履约保证金的，中标人应当提交。',
  ),
  P(
    'tbl-regs',
    7,
    'quote',
    '按照国家有关规定需要履行项目审批、核准手续的依法必须进行招标的项目，其招标范围、招标方式、招标组织形式应当报项目审批、核准部门审批、核准。项目审批、核准部门应当及时将审批、核准确定的招标范围、招标方式、招标组织形式通报有关行政监督部门。',
  ),
  P(
    'tbl-regs',
    8,
    'paraphrase',
    '国有资金占控股或者主导地位的依法必须进行招标的项目，应当公开招标；只有技术复杂、有特殊要求或者受自然环境限制，只有少量潜在投标人可供选择，或者采用公开招标方式的费用占项目合同金额的比例过大的，才可以邀请招标（需经项目审批、核准部门或者有关行政监督部门认定）。',
  ),
  P(
    'tbl-regs',
    34,
    'quote',
    '与招标人存在利害关系可能影响招标公正性的法人、其他组织或者个人，不得参加投标。单位负责人为同一人或者存在控股、管理关系的不同单位，不得参加同一标段投标或者未划分标段的同一招标项目投标。违反前两款规定的，相关投标均无效。',
  ),
  P(
    'tbl-regs',
    39,
    'quote',
    '禁止投标人相互串通投标。有下列情形之一的，属于投标人相互串通投标：（一）投标人之间协商投标报价等投标文件的实质性内容；（二）投标人之间约定中标人；（三）投标人之间约定部分投标人放弃投标或者中标；（四）属于同一集团、协会、商会等组织成员的投标人按照该组织要求协同投标；（五）投标人之间为谋取中标或者排斥特定投标人而采取的其他联合行动。',
  ),
  P(
    'tbl-regs',
    40,
    'quote',
    '有下列情形之一的，视为投标人相互串通投标：（一）不同投标人的投标文件由同一单位或者个人编制；（二）不同投标人委托同一单位或者个人办理投标事宜；（三）不同投标人的投标文件载明的项目管理成员为同一人；（四）不同投标人的投标文件异常一致或者投标报价呈规律性差异；（五）不同投标人的投标文件相互混装；（六）不同投标人的投标保证金从同一单位或者个人的账户转出。',
  ),
  P(
    'tbl-regs',
    41,
    'quote',
    '禁止招标人与投标人串通投标。有下列情形之一的，属于招标人与投标人串通投标：（一）招标人在开标前开启投标文件并将有关信息泄露给其他投标人；（二）招标人直接或者间接向投标人泄露标底、评标委员会成员等信息；（三）招标人明示或者暗示投标人压低或者抬高投标报价；（四）招标人授意投标人撤换、修改投标文件；（五）招标人明示或者暗示投标人为特定投标人中标提供方便；（六）招标人与投标人为谋求特定投标人中标而采取的其他串通行为。',
  ),
  P(
    'tbl-regs',
    54,
    'paraphrase',
    '依法必须进行招标的项目，招标人应当自收到评标报告之日起3日内公示中标候选人，公示期不得少于3日。投标人或者其他利害关系人对评标结果有异议的，应当在中标候选人公示期间提出；招标人应当自收到异议之日起3日内作出答复，作出答复前应当暂停招标投标活动。',
  ),
  P(
    'tbl-regs',
    67,
    'paraphrase',
    '投标人相互串通投标或者与招标人串通投标的，投标人向招标人或者评标委员会成员行贿谋取中标的，中标无效；构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依照招标投标法第五十三条处罚。以行贿谋取中标、3年内2次以上串通投标、串通投标造成直接经济损失30万元以上等情节严重的，由有关行政监督部门取消其1年至2年内参加依法必须进行招标的项目的投标资格；情节特别严重的，吊销营业执照。',
  ),
  P(
    'tbl-regs',
    68,
    'paraphrase',
    '投标人以他人名义投标或者以其他方式弄虚作假骗取中标的，中标无效；构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依照招标投标法第五十四条处罚。伪造、变造资格、资质证书或者其他许可证件骗取中标等情节严重的，由有关行政监督部门取消其1年至3年内参加依法必须进行招标的项目的投标资格；情节特别严重的，吊销营业执照。',
  ),
  P(
    'gpl',
    22,
    'quote',
    '供应商参加政府采购活动应当具备下列条件：（一）具有独立承担民事责任的能力；（二）具有良好的商业信誉和健全的财务会计制度；（三）具有履行合同所必需的设备和专业技术能力；（四）有依法缴纳税收和社会保障资金的良好记录；（五）参加政府采购活动前三年内，在经营活动中没有重大违法记录；（六）法律、行政法规规定的其他条件。采购人可以根据采购项目的特殊要求，规定供应商的特定条件，但不得以不合理的条件对供应商实行差别待遇或者歧视待遇。',
  ),
  P(
    'gpl',
    77,
    'paraphrase',
    '供应商提供虚假材料谋取中标、成交，采取不正当手段诋毁、排挤其他供应商，与采购人、其他供应商或者采购代理机构恶意串通，向采购人、采购代理机构行贿或者提供其他不正当利益，在招标采购过程中与采购人进行协商谈判，或者拒绝有关部门监督检查或者提供虚假情况的，处以采购金额千分之五以上千分之十以下的罚款，列入不良行为记录名单，在一至三年内禁止参加政府采购活动；情节严重的，吊销营业执照；构成犯罪的，依法追究刑事责任。前五项情形的中标、成交无效。',
  ),
  P(
    'gpl-regs',
    18,
    'quote',
    '单位负责人为同一人或者存在直接控股、管理关系的不同供应商，不得参加同一合同项下的政府采购活动。除单一来源采购项目外，为采购项目提供整体设计、规范编制或者项目管理、监理、检测等服务的供应商，不得再参加该采购项目的其他采购活动。',
  ),
  P(
    'eval',
    12,
    'quote',
    '有下列情形之一的，不得担任评标委员会成员：（一）投标人或者投标人主要负责人的近亲属；（二）项目主管部门或者行政监督部门的人员；（三）与投标人有经济利益关系，可能影响对投标公正评审的；（四）曾因在招标、评标以及其他与招标投标有关活动中从事违法行为而受过行政处罚或刑事处罚的。评标委员会成员有前款规定情形之一的，应当主动提出回避。',
  ),
  P(
    'eval',
    53,
    'paraphrase',
    '（罚则）评标委员会成员在评标过程中不能客观公正地履行职责的，给予警告；情节严重的，取消担任评标委员会成员的资格，不得再参加依法必须进行招标项目的评标，并处罚款。（摘要，请以公布文本核对条文与编号。）',
  ),
  P(
    'must',
    5,
    'quote',
    '本规定第二条至第四条规定范围内的项目，其勘察、设计、施工、监理以及与工程建设有关的重要设备、材料等的采购达到下列标准之一的，必须招标：（一）施工单项合同估算价在400万元人民币以上；（二）重要设备、材料等货物的采购，单项合同估算价在200万元人民币以上；（三）勘察、设计、监理等服务的采购，单项合同估算价在100万元人民币以上。同一项目中可以合并进行的勘察、设计、施工、监理以及与工程建设有关的重要设备、材料等的采购，合计估算价达到前款规定标准的，必须招标。',
  ),
  P(
    'mof87',
    37,
    'paraphrase',
    '有下列情形之一的，视为投标人串通投标，其投标无效：不同投标人的投标文件由同一单位或者个人编制；不同投标人委托同一单位或者个人办理投标事宜；不同投标人的投标文件载明的项目管理成员或者联系人员为同一人；不同投标人的投标文件异常一致或者投标报价呈规律性差异；不同投标人的投标文件相互混装；不同投标人的投标保证金从同一单位或者个人的账户转出。',
  ),
];

/** Published methods and other non-statutory grounds a basis may name. */
export const METHODS: Method[] = [
  {
    key: 'wallimann',
    aliases: /Wallimann/,
    title: 'Screens for incomplete cartels 不完全卡特尔的价格筛查',
    description:
      'Computes the price screens not only over all bids of a tender but over subgroups of three or four bids, so that a cartel that does not include every bidder still shows its narrow, clustered cover bids.',
    reference:
      'Wallimann, H., Imhof, D. & Huber, M. (2023). A machine learning approach for flagging incomplete bid-rigging cartels. Computational Economics 62, 1669–1720.',
  },
  {
    key: 'huber-imhof',
    aliases: /Huber\s*&\s*Imhof/,
    title: 'Screens with machine learning 价格筛查与机器学习',
    description:
      'Uses the distribution of bids in a tender (coefficient of variation, spread, kurtosis, skewness, the relative distance between the two lowest bids) as predictors of collusion; on Swiss cartel data, the screens separate collusive from competitive tenders with about 80–90 % accuracy.',
    reference:
      'Huber, M. & Imhof, D. (2019). Machine learning with screens for detecting bid-rigging cartels. International Journal of Industrial Organization 65, 277–301.',
  },
  {
    key: 'imhof',
    aliases: /Imhof/,
    title: 'Statistical price screens 价格统计筛查',
    description:
      'Bid rigging changes the distribution of the bids in a tender: a cartel’s cover bids cluster (low coefficient of variation and spread, high kurtosis) while the gap between the designated winner and the first cover bid grows (high relative distance, negative skewness). Screens rank tenders by how far these statistics lie in the collusive tail of their market; they point at tenders to examine, they prove nothing alone. A rotation test adds whether wins pass round the group in turn.',
    reference:
      'Imhof, D. (2017). Simple statistical screens to detect bid rigging. Université de Fribourg, Working Paper 484; Imhof, D., Karagök, Y. & Rutz, S. (2018). Screening for bid rigging – does it work? Journal of Competition Law & Economics 14(2), 235–261.',
  },
  {
    key: 'wachs',
    aliases: /Wachs|Co-bidding communities/,
    title: 'Co-bidding network communities 共同投标网络社群',
    description:
      'Firms that bid together far more often than chance would have them, and rarely compete elsewhere, form dense communities in the network of co-bidding; combined with how evenly wins rotate inside the group and how many pairwise red flags fall on its meetings, such communities are candidate cartels. The engine finds them with Louvain on a co-bidding graph weighted by lift and shared-attribute evidence.',
    reference:
      'Wachs, J. & Kertész, J. (2019). A network approach to cartel detection in public auction markets. Scientific Reports 9, 10818.',
  },
  {
    key: 'ocp',
    aliases: /\bOCP\b|Cardinal/,
    title: 'OCP red flags 开放合同伙伴关系风险指标',
    description:
      'The Open Contracting Partnership’s catalogue of red flags computable from contracting data (e.g. R003 short submission period, R018 single bid, R023 fixed-interval bids, R025 excessive unsuccessful bids, R028 identical bid prices, R030 late bid won, R035 all except the winner disqualified, R038 excessive disqualified bids, R053/R057 winning-bid patterns), implemented in the Cardinal library; each flag is a reason to look, not a finding of wrongdoing.',
    reference:
      'Open Contracting Partnership (2024). Red flags in public procurement: a guide to using data to detect and mitigate risks; open-contracting/cardinal-rs (indicators R001–R058).',
  },
  {
    key: 'worldbank',
    aliases: /World Bank/,
    title: 'World Bank warning signs 世界银行串通预警信号',
    description:
      'Warning signs of collusion in procurement compiled by the World Bank’s Integrity Vice Presidency, among them bid securities or documents coming from the same source for competing bidders, and bidders sharing addresses, personnel or telephone numbers.',
    reference:
      'World Bank Integrity Vice Presidency, Most Common Red Flags of Fraud and Corruption in Procurement (guidance note).',
  },
  {
    key: 'platform',
    aliases: /e-platform|platform practice/,
    title: 'E-bidding platform rules 电子招标投标平台规则',
    description:
      'Provincial e-bidding platforms record, for every uploaded bid, the IP address, MAC address, hardware fingerprint (硬件特征码 / 文件制作机器码), CA certificate and document metadata; identical machine codes or certificates across bidders of one lot are treated as the same unit preparing the bids (Art. 40(1)(2) of the Regulations). A shared IP is weaker: offices, VPNs and the trading centre’s public terminals are shared.',
    reference:
      '《电子招标投标办法》 (2013) and the provincial trading centres’ rules on abnormal-consistency checks (异常一致性比对).',
  },
  {
    key: 'credit141',
    aliases: /失信联合惩戒|141号/,
    title: 'Joint sanctions on dishonest judgment debtors 失信联合惩戒（摘要 paraphrase）',
    description:
      '《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）: the signatory departments restrict persons and companies listed as dishonest judgment debtors (失信被执行人) — and their legal representatives — from taking part in government procurement and in the tendering of projects that must be tendered, using the credit platform’s lists (信用中国).',
    reference: '国家发展改革委、最高人民法院等部门联合签署，发改财金〔2016〕141号 (2016).',
  },
  {
    key: 'fraud-ring',
    aliases: /fraud-ring/,
    title: 'Graph fraud-ring pattern 图数据库欺诈团伙模式',
    description:
      'Entities that share identifiers (phones, addresses, accounts) form connected rings in a property graph; the ring, not the single record, is the unit of suspicion.',
    reference: 'Neo4j, fraud-detection use cases (first-party fraud rings).',
  },
];

/** A citation parsed from a basis: a statute's articles (with the items cited) or a method. */
export type Citation =
  | { type: 'article'; source: Source; article: number; items: string; provision?: Provision }
  | { type: 'method'; method: Method; segment: string }
  | { type: 'unknown'; segment: string };

/** The article numbers of "Art. 40(1)(2)", "Art. 7–8", "Art. 22, 77", "Art. 34(1), Art. 41". */
function articlesOf(segment: string): { article: number; items: string }[] {
  const at = segment.search(/Art\./);
  if (at < 0) return [];
  const rest = segment.slice(at).replace(/Art\.\s*/g, '');
  const span = /^[\s\d()（）,，、–—-]+/.exec(rest)?.[0] ?? '';
  const out: { article: number; items: string }[] = [];
  for (const m of span.matchAll(/(\d+)((?:\(\d+\))*)(?:\s*[–—-]\s*(\d+))?/g)) {
    const from = Number(m[1]);
    const to = m[3] ? Number(m[3]) : from;
    for (let a = from; a <= to && a - from < 20; a += 1) out.push({ article: a, items: a === from ? m[2] : '' });
  }
  return out;
}

/**
 * The statutory articles and methods a flag's basis cites, in order, each once.
 * @example citations('《招标投标法实施条例》 Art. 40(1)(2); OCP R028')
 * // [{ type: 'article', source: 条例, article: 40, items: '(1)(2)', provision }, { type: 'method', method: OCP }]
 */
export function citations(basis: string): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const raw of basis.split(/[;；]/)) {
    const segment = raw.trim();
    if (!segment) continue;
    const source = SOURCES.find((s) => s.aliases.some((a) => segment.includes(a)));
    const methods = METHODS.filter((m) => m.aliases.test(segment));
    if (source) {
      const articles = articlesOf(segment);
      for (const { article, items } of articles) {
        const key = `${source.key}:${article}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const provision = PROVISIONS.find((p) => p.source === source.key && p.article === article);
        out.push({ type: 'article', source, article, items, provision });
      }
      if (articles.length === 0 && !seen.has(source.key)) {
        seen.add(source.key);
        out.push({ type: 'unknown', segment });
      }
    }
    for (const method of methods) {
      if (seen.has(method.key)) continue;
      seen.add(method.key);
      out.push({ type: 'method', method, segment });
    }
    if (!source && methods.length === 0) out.push({ type: 'unknown', segment });
  }
  return out;
}
