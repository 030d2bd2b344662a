/**
 * Demo organisation tree for a Kunming-like 12345 hotline center.
 *
 * Codes: administrative division codes for governments (云南省 530000,
 * 昆明市 530100, 呈贡区 530114, streets 530114001 …) and
 * `<division>-<abbr>` for functional bureaus and public utilities
 * (e.g. 530100-GA 昆明市公安局). Street codes are demo numbering, not the
 * official 12-digit township codes.
 *
 * Rules the seeder relies on:
 * - parents appear before their children;
 * - codes are unique, uppercase ASCII letters/digits/hyphens, at most 32 chars;
 * - a child's level equals its parent's (a bureau of that government) or is
 *   exactly one level below (city → district → street).
 *
 * All e-mail addresses use the reserved demo domain `km12345.example`.
 */

export type DepartmentLevel = 'province' | 'city' | 'district' | 'street'

export interface DepartmentSeed {
  code: string
  name: string
  level: DepartmentLevel
  parentCode: string | null
  contactEmails: string[]
}

export const departmentSeeds: DepartmentSeed[] = [
  // ---------------------------------------------------------------- province
  {
    code: '530000',
    name: '云南省人民政府',
    level: 'province',
    parentCode: null,
    contactEmails: ['yns@km12345.example'],
  },
  {
    code: '530000-12345',
    name: '云南省12345政务服务便民热线',
    level: 'province',
    parentCode: '530000',
    contactEmails: ['yn12345@km12345.example'],
  },

  // -------------------------------------------------------------------- city
  {
    code: '530100',
    name: '昆明市人民政府',
    level: 'city',
    parentCode: '530000',
    contactEmails: ['kms@km12345.example'],
  },
  {
    code: '530100-12345',
    name: '昆明市12345政务服务便民热线中心',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['center@km12345.example', 'duty@km12345.example'],
  },
  {
    code: '530100-ZW',
    name: '昆明市政务服务管理局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['zwfwj@km12345.example'],
  },
  {
    code: '530100-GA',
    name: '昆明市公安局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['gaj@km12345.example', 'gaj-jj@km12345.example'],
  },
  {
    code: '530100-ZJ',
    name: '昆明市住房和城乡建设局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['zjj@km12345.example'],
  },
  {
    code: '530100-SJ',
    name: '昆明市市场监督管理局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['scjgj@km12345.example', 'scjgj-12315@km12345.example'],
  },
  {
    code: '530100-RS',
    name: '昆明市人力资源和社会保障局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['rsj@km12345.example'],
  },
  {
    code: '530100-JT',
    name: '昆明市交通运输局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['jtysj@km12345.example'],
  },
  {
    code: '530100-HJ',
    name: '昆明市生态环境局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['sthjj@km12345.example'],
  },
  {
    code: '530100-SW',
    name: '昆明市水务局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['swj@km12345.example'],
  },
  {
    code: '530100-JY',
    name: '昆明市教育体育局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['jtj@km12345.example'],
  },
  {
    code: '530100-WJ',
    name: '昆明市卫生健康委员会',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['wjw@km12345.example'],
  },
  {
    code: '530100-YB',
    name: '昆明市医疗保障局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['ybj@km12345.example'],
  },
  {
    code: '530100-CG',
    name: '昆明市城市管理局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['cgj@km12345.example', 'cgj-zf@km12345.example'],
  },
  {
    code: '530100-ZG',
    name: '昆明市自然资源和规划局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['zrzyj@km12345.example'],
  },
  {
    code: '530100-MZ',
    name: '昆明市民政局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['mzj@km12345.example'],
  },
  {
    code: '530100-NY',
    name: '昆明市农业农村局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['nyncj@km12345.example'],
  },
  {
    code: '530100-WL',
    name: '昆明市文化和旅游局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['wlj@km12345.example'],
  },
  {
    code: '530100-YJ',
    name: '昆明市应急管理局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['yjj@km12345.example'],
  },
  {
    code: '530100-XF',
    name: '昆明市消防救援支队',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['xfzd@km12345.example'],
  },
  {
    code: '530100-GJJ',
    name: '昆明市住房公积金管理中心',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['gjj@km12345.example'],
  },
  {
    code: '530100-SWJ',
    name: '国家税务总局昆明市税务局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['tax@km12345.example'],
  },
  // Public utilities, routed to like city-level units.
  {
    code: '530100-GD',
    name: '云南电网有限责任公司昆明供电局',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['gdj@km12345.example', 'gdj-95598@km12345.example'],
  },
  {
    code: '530100-ZLS',
    name: '昆明自来水集团有限公司',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['water@km12345.example'],
  },
  {
    code: '530100-RQ',
    name: '昆明中石油昆仑燃气有限公司',
    level: 'city',
    parentCode: '530100',
    contactEmails: ['gas@km12345.example'],
  },

  // ------------------------------------------------------ districts: 五华区
  {
    code: '530102',
    name: '五华区人民政府',
    level: 'district',
    parentCode: '530100',
    contactEmails: ['whq@km12345.example'],
  },
  {
    code: '530102-ZJ',
    name: '五华区住房和城乡建设局',
    level: 'district',
    parentCode: '530102',
    contactEmails: ['whq-zjj@km12345.example'],
  },
  {
    code: '530102-SJ',
    name: '五华区市场监督管理局',
    level: 'district',
    parentCode: '530102',
    contactEmails: ['whq-scjgj@km12345.example'],
  },
  {
    code: '530102-CG',
    name: '五华区城市管理局',
    level: 'district',
    parentCode: '530102',
    contactEmails: ['whq-cgj@km12345.example'],
  },
  {
    code: '530102001',
    name: '五华区华山街道',
    level: 'street',
    parentCode: '530102',
    contactEmails: ['whq-hsjd@km12345.example'],
  },
  {
    code: '530102002',
    name: '五华区护国街道',
    level: 'street',
    parentCode: '530102',
    contactEmails: ['whq-hgjd@km12345.example'],
  },
  {
    code: '530102003',
    name: '五华区大观街道',
    level: 'street',
    parentCode: '530102',
    contactEmails: [],
  },
  {
    code: '530102004',
    name: '五华区龙翔街道',
    level: 'street',
    parentCode: '530102',
    contactEmails: ['whq-lxjd@km12345.example'],
  },
  {
    code: '530102005',
    name: '五华区莲华街道',
    level: 'street',
    parentCode: '530102',
    contactEmails: [],
  },

  // ------------------------------------------------------ districts: 盘龙区
  {
    code: '530103',
    name: '盘龙区人民政府',
    level: 'district',
    parentCode: '530100',
    contactEmails: ['plq@km12345.example'],
  },
  {
    code: '530103-CG',
    name: '盘龙区城市管理局',
    level: 'district',
    parentCode: '530103',
    contactEmails: ['plq-cgj@km12345.example'],
  },
  {
    code: '530103001',
    name: '盘龙区拓东街道',
    level: 'street',
    parentCode: '530103',
    contactEmails: ['plq-tdjd@km12345.example'],
  },
  {
    code: '530103002',
    name: '盘龙区鼓楼街道',
    level: 'street',
    parentCode: '530103',
    contactEmails: [],
  },

  // ------------------------------------------------------ districts: 官渡区
  {
    code: '530111',
    name: '官渡区人民政府',
    level: 'district',
    parentCode: '530100',
    contactEmails: ['gdq@km12345.example'],
  },
  {
    code: '530111-ZJ',
    name: '官渡区住房和城乡建设局',
    level: 'district',
    parentCode: '530111',
    contactEmails: ['gdq-zjj@km12345.example'],
  },
  {
    code: '530111-SJ',
    name: '官渡区市场监督管理局',
    level: 'district',
    parentCode: '530111',
    contactEmails: ['gdq-scjgj@km12345.example'],
  },
  {
    code: '530111-CG',
    name: '官渡区城市管理局',
    level: 'district',
    parentCode: '530111',
    contactEmails: ['gdq-cgj@km12345.example'],
  },
  {
    code: '530111001',
    name: '官渡区关上街道',
    level: 'street',
    parentCode: '530111',
    contactEmails: ['gdq-gsjd@km12345.example'],
  },
  {
    code: '530111002',
    name: '官渡区太和街道',
    level: 'street',
    parentCode: '530111',
    contactEmails: ['gdq-thjd@km12345.example'],
  },
  {
    code: '530111003',
    name: '官渡区吴井街道',
    level: 'street',
    parentCode: '530111',
    contactEmails: [],
  },
  {
    code: '530111004',
    name: '官渡区金马街道',
    level: 'street',
    parentCode: '530111',
    contactEmails: ['gdq-jmjd@km12345.example'],
  },
  {
    code: '530111005',
    name: '官渡区小板桥街道',
    level: 'street',
    parentCode: '530111',
    contactEmails: ['gdq-xbqjd@km12345.example'],
  },

  // ------------------------------------------------------ districts: 西山区
  {
    code: '530112',
    name: '西山区人民政府',
    level: 'district',
    parentCode: '530100',
    contactEmails: ['xsq@km12345.example'],
  },
  {
    code: '530112-CG',
    name: '西山区城市管理局',
    level: 'district',
    parentCode: '530112',
    contactEmails: ['xsq-cgj@km12345.example'],
  },
  {
    code: '530112001',
    name: '西山区金碧街道',
    level: 'street',
    parentCode: '530112',
    contactEmails: ['xsq-jbjd@km12345.example'],
  },
  {
    code: '530112002',
    name: '西山区前卫街道',
    level: 'street',
    parentCode: '530112',
    contactEmails: [],
  },

  // ------------------------------------------------------ districts: 呈贡区
  {
    code: '530114',
    name: '呈贡区人民政府',
    level: 'district',
    parentCode: '530100',
    contactEmails: ['cgq@km12345.example', 'cgq-12345@km12345.example'],
  },
  {
    code: '530114-ZJ',
    name: '呈贡区住房和城乡建设局',
    level: 'district',
    parentCode: '530114',
    contactEmails: ['cgq-zjj@km12345.example'],
  },
  {
    code: '530114-SJ',
    name: '呈贡区市场监督管理局',
    level: 'district',
    parentCode: '530114',
    contactEmails: ['cgq-scjgj@km12345.example'],
  },
  {
    code: '530114-RS',
    name: '呈贡区人力资源和社会保障局',
    level: 'district',
    parentCode: '530114',
    contactEmails: ['cgq-rsj@km12345.example'],
  },
  {
    code: '530114-CG',
    name: '呈贡区城市管理局',
    level: 'district',
    parentCode: '530114',
    contactEmails: ['cgq-cgj@km12345.example'],
  },
  {
    code: '530114-JY',
    name: '呈贡区教育体育局',
    level: 'district',
    parentCode: '530114',
    contactEmails: ['cgq-jtj@km12345.example'],
  },
  // A branch of the city police: one level below 昆明市公安局.
  {
    code: '530114-GA',
    name: '昆明市公安局呈贡分局',
    level: 'district',
    parentCode: '530100-GA',
    contactEmails: ['cgq-gafj@km12345.example'],
  },
  {
    code: '530114001',
    name: '呈贡区龙城街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-lcjd@km12345.example'],
  },
  {
    code: '530114002',
    name: '呈贡区乌龙街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-wljd@km12345.example'],
  },
  {
    code: '530114003',
    name: '呈贡区洛龙街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-llongjd@km12345.example'],
  },
  {
    code: '530114004',
    name: '呈贡区吴家营街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-wjyjd@km12345.example', 'cgq-wjyjd-sq@km12345.example'],
  },
  {
    code: '530114005',
    name: '呈贡区雨花街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-yhjd@km12345.example'],
  },
  {
    code: '530114006',
    name: '呈贡区大渔街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: [],
  },
  {
    code: '530114007',
    name: '呈贡区七甸街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-qdjd@km12345.example'],
  },
  {
    code: '530114008',
    name: '呈贡区洛羊街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-lyangjd@km12345.example'],
  },
  {
    code: '530114009',
    name: '呈贡区斗南街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: ['cgq-dnjd@km12345.example'],
  },
  {
    code: '530114010',
    name: '呈贡区马金铺街道',
    level: 'street',
    parentCode: '530114',
    contactEmails: [],
  },

  // ------------------------------------------------------ districts: 晋宁区
  {
    code: '530115',
    name: '晋宁区人民政府',
    level: 'district',
    parentCode: '530100',
    contactEmails: ['jnq@km12345.example'],
  },
  {
    code: '530115001',
    name: '晋宁区昆阳街道',
    level: 'street',
    parentCode: '530115',
    contactEmails: ['jnq-kyjd@km12345.example'],
  },
  {
    code: '530115002',
    name: '晋宁区晋城街道',
    level: 'street',
    parentCode: '530115',
    contactEmails: [],
  },
]
