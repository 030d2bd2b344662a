/**
 * Demo 事项分类 (category) tree, in the spirit of GB/T 39666-2020
 * 《政务服务便民热线 诉求分类》 — not a verbatim copy of the standard.
 *
 * Codes are 2/4/6 digits (`01`, `0101`, `010101`); parents appear before
 * their children. Every leaf has a default 承办单位 (defaultDepartmentCode)
 * that exists in `departments.ts`; inner nodes have none. Defaults point at
 * city-level units; the operator can still dispatch to a district or street.
 */

export interface CategorySeed {
  code: string
  name: string
  parentCode: string | null
  defaultDepartmentCode: string | null
}

export const categorySeeds: CategorySeed[] = [
  // 01 城乡建设
  { code: '01', name: '城乡建设', parentCode: null, defaultDepartmentCode: null },
  { code: '0101', name: '物业管理', parentCode: '01', defaultDepartmentCode: null },
  { code: '010101', name: '物业服务质量', parentCode: '0101', defaultDepartmentCode: '530100-ZJ' },
  { code: '010102', name: '物业费纠纷', parentCode: '0101', defaultDepartmentCode: '530100-ZJ' },
  { code: '010103', name: '业主委员会', parentCode: '0101', defaultDepartmentCode: '530100-ZJ' },
  { code: '0102', name: '房地产市场', parentCode: '01', defaultDepartmentCode: null },
  {
    code: '010201',
    name: '商品房延期交房',
    parentCode: '0102',
    defaultDepartmentCode: '530100-ZJ',
  },
  { code: '010202', name: '房屋质量问题', parentCode: '0102', defaultDepartmentCode: '530100-ZJ' },
  { code: '010203', name: '房屋租赁', parentCode: '0102', defaultDepartmentCode: '530100-ZJ' },
  { code: '0103', name: '建筑施工', parentCode: '01', defaultDepartmentCode: null },
  { code: '010301', name: '施工噪音扰民', parentCode: '0103', defaultDepartmentCode: '530100-CG' },
  { code: '010302', name: '施工扬尘', parentCode: '0103', defaultDepartmentCode: '530100-ZJ' },
  { code: '010303', name: '施工安全隐患', parentCode: '0103', defaultDepartmentCode: '530100-ZJ' },
  { code: '0104', name: '住房保障', parentCode: '01', defaultDepartmentCode: '530100-ZJ' },
  { code: '0105', name: '老旧小区改造', parentCode: '01', defaultDepartmentCode: '530100-ZJ' },

  // 02 交通出行
  { code: '02', name: '交通出行', parentCode: null, defaultDepartmentCode: null },
  { code: '0201', name: '公共交通', parentCode: '02', defaultDepartmentCode: null },
  {
    code: '020101',
    name: '公交线路及站点',
    parentCode: '0201',
    defaultDepartmentCode: '530100-JT',
  },
  { code: '020102', name: '公交服务', parentCode: '0201', defaultDepartmentCode: '530100-JT' },
  { code: '020103', name: '地铁运营服务', parentCode: '0201', defaultDepartmentCode: '530100-JT' },
  { code: '0202', name: '出租车与网约车', parentCode: '02', defaultDepartmentCode: null },
  {
    code: '020201',
    name: '出租车拒载绕路',
    parentCode: '0202',
    defaultDepartmentCode: '530100-JT',
  },
  { code: '020202', name: '网约车服务', parentCode: '0202', defaultDepartmentCode: '530100-JT' },
  { code: '0203', name: '道路交通管理', parentCode: '02', defaultDepartmentCode: null },
  { code: '020301', name: '交通信号灯', parentCode: '0203', defaultDepartmentCode: '530100-GA' },
  { code: '020302', name: '违法停车', parentCode: '0203', defaultDepartmentCode: '530100-GA' },
  { code: '020303', name: '交通拥堵', parentCode: '0203', defaultDepartmentCode: '530100-GA' },
  {
    code: '0204',
    name: '机动车及驾驶证业务',
    parentCode: '02',
    defaultDepartmentCode: '530100-GA',
  },

  // 03 市场监管
  { code: '03', name: '市场监管', parentCode: null, defaultDepartmentCode: null },
  { code: '0301', name: '食品安全', parentCode: '03', defaultDepartmentCode: null },
  { code: '030101', name: '餐饮食品安全', parentCode: '0301', defaultDepartmentCode: '530100-SJ' },
  { code: '030102', name: '过期变质食品', parentCode: '0301', defaultDepartmentCode: '530100-SJ' },
  { code: '0302', name: '消费维权', parentCode: '03', defaultDepartmentCode: null },
  { code: '030201', name: '预付卡退费', parentCode: '0302', defaultDepartmentCode: '530100-SJ' },
  { code: '030202', name: '商品质量', parentCode: '0302', defaultDepartmentCode: '530100-SJ' },
  { code: '030203', name: '价格违法', parentCode: '0302', defaultDepartmentCode: '530100-SJ' },
  { code: '0303', name: '特种设备', parentCode: '03', defaultDepartmentCode: null },
  { code: '030301', name: '电梯安全', parentCode: '0303', defaultDepartmentCode: '530100-SJ' },
  { code: '0304', name: '无证无照经营', parentCode: '03', defaultDepartmentCode: '530100-SJ' },
  { code: '0305', name: '药品及医疗器械', parentCode: '03', defaultDepartmentCode: '530100-SJ' },

  // 04 劳动社保
  { code: '04', name: '劳动社保', parentCode: null, defaultDepartmentCode: null },
  { code: '0401', name: '劳动权益', parentCode: '04', defaultDepartmentCode: null },
  { code: '040101', name: '拖欠工资', parentCode: '0401', defaultDepartmentCode: '530100-RS' },
  { code: '040102', name: '劳动合同纠纷', parentCode: '0401', defaultDepartmentCode: '530100-RS' },
  { code: '040103', name: '工伤认定', parentCode: '0401', defaultDepartmentCode: '530100-RS' },
  { code: '0402', name: '社会保险', parentCode: '04', defaultDepartmentCode: null },
  { code: '040201', name: '养老保险', parentCode: '0402', defaultDepartmentCode: '530100-RS' },
  { code: '040202', name: '失业保险', parentCode: '0402', defaultDepartmentCode: '530100-RS' },
  { code: '040203', name: '社会保障卡', parentCode: '0402', defaultDepartmentCode: '530100-RS' },
  { code: '0403', name: '就业创业', parentCode: '04', defaultDepartmentCode: '530100-RS' },
  { code: '0404', name: '职业技能与职称', parentCode: '04', defaultDepartmentCode: '530100-RS' },

  // 05 教育
  { code: '05', name: '教育', parentCode: null, defaultDepartmentCode: null },
  { code: '0501', name: '义务教育招生入学', parentCode: '05', defaultDepartmentCode: '530100-JY' },
  { code: '0502', name: '校外培训', parentCode: '05', defaultDepartmentCode: '530100-JY' },
  { code: '0503', name: '学校收费', parentCode: '05', defaultDepartmentCode: '530100-JY' },
  { code: '0504', name: '校园安全', parentCode: '05', defaultDepartmentCode: '530100-JY' },
  { code: '0505', name: '学前教育', parentCode: '05', defaultDepartmentCode: '530100-JY' },

  // 06 医疗卫生
  { code: '06', name: '医疗卫生', parentCode: null, defaultDepartmentCode: null },
  { code: '0601', name: '医疗服务', parentCode: '06', defaultDepartmentCode: null },
  { code: '060101', name: '医院服务态度', parentCode: '0601', defaultDepartmentCode: '530100-WJ' },
  { code: '060102', name: '医疗纠纷', parentCode: '0601', defaultDepartmentCode: '530100-WJ' },
  { code: '060103', name: '非法行医', parentCode: '0601', defaultDepartmentCode: '530100-WJ' },
  { code: '0602', name: '医疗保障', parentCode: '06', defaultDepartmentCode: null },
  { code: '060201', name: '医保报销', parentCode: '0602', defaultDepartmentCode: '530100-YB' },
  { code: '060202', name: '医保参保缴费', parentCode: '0602', defaultDepartmentCode: '530100-YB' },
  {
    code: '0603',
    name: '疾病预防与疫苗接种',
    parentCode: '06',
    defaultDepartmentCode: '530100-WJ',
  },

  // 07 生态环境
  { code: '07', name: '生态环境', parentCode: null, defaultDepartmentCode: null },
  { code: '0701', name: '大气污染', parentCode: '07', defaultDepartmentCode: null },
  { code: '070101', name: '工业废气', parentCode: '0701', defaultDepartmentCode: '530100-HJ' },
  { code: '070102', name: '餐饮油烟', parentCode: '0701', defaultDepartmentCode: '530100-CG' },
  { code: '0702', name: '噪声污染', parentCode: '07', defaultDepartmentCode: null },
  { code: '070201', name: '工业噪声', parentCode: '0702', defaultDepartmentCode: '530100-HJ' },
  { code: '070202', name: '社会生活噪声', parentCode: '0702', defaultDepartmentCode: '530100-GA' },
  { code: '0703', name: '水污染', parentCode: '07', defaultDepartmentCode: '530100-HJ' },
  { code: '0704', name: '固体废物', parentCode: '07', defaultDepartmentCode: '530100-HJ' },
  { code: '0705', name: '滇池及河道保护', parentCode: '07', defaultDepartmentCode: '530100-SW' },

  // 08 公共安全
  { code: '08', name: '公共安全', parentCode: null, defaultDepartmentCode: null },
  { code: '0801', name: '治安管理', parentCode: '08', defaultDepartmentCode: '530100-GA' },
  { code: '0802', name: '电信网络诈骗', parentCode: '08', defaultDepartmentCode: '530100-GA' },
  { code: '0803', name: '消防安全', parentCode: '08', defaultDepartmentCode: '530100-XF' },
  { code: '0804', name: '安全生产', parentCode: '08', defaultDepartmentCode: '530100-YJ' },

  // 09 政务服务
  { code: '09', name: '政务服务', parentCode: null, defaultDepartmentCode: null },
  { code: '0901', name: '办事指南咨询', parentCode: '09', defaultDepartmentCode: '530100-ZW' },
  { code: '0902', name: '办不成事反映', parentCode: '09', defaultDepartmentCode: '530100-ZW' },
  { code: '0903', name: '工作人员作风', parentCode: '09', defaultDepartmentCode: '530100-ZW' },
  { code: '0904', name: '户籍办理', parentCode: '09', defaultDepartmentCode: '530100-GA' },
  { code: '0905', name: '不动产登记', parentCode: '09', defaultDepartmentCode: '530100-ZG' },
  { code: '0906', name: '住房公积金', parentCode: '09', defaultDepartmentCode: '530100-GJJ' },
  { code: '0907', name: '税费办理', parentCode: '09', defaultDepartmentCode: '530100-SWJ' },

  // 10 民政
  { code: '10', name: '民政', parentCode: null, defaultDepartmentCode: null },
  { code: '1001', name: '最低生活保障', parentCode: '10', defaultDepartmentCode: '530100-MZ' },
  { code: '1002', name: '养老服务', parentCode: '10', defaultDepartmentCode: '530100-MZ' },
  { code: '1003', name: '婚姻登记', parentCode: '10', defaultDepartmentCode: '530100-MZ' },
  { code: '1004', name: '殡葬管理', parentCode: '10', defaultDepartmentCode: '530100-MZ' },
  { code: '1005', name: '社区治理', parentCode: '10', defaultDepartmentCode: '530100-MZ' },

  // 11 水电气暖 (昆明 has no central heating, so no 供暖 node)
  { code: '11', name: '水电气暖', parentCode: null, defaultDepartmentCode: null },
  { code: '1101', name: '供水', parentCode: '11', defaultDepartmentCode: null },
  { code: '110101', name: '停水', parentCode: '1101', defaultDepartmentCode: '530100-ZLS' },
  { code: '110102', name: '水压不足', parentCode: '1101', defaultDepartmentCode: '530100-ZLS' },
  { code: '110103', name: '水质问题', parentCode: '1101', defaultDepartmentCode: '530100-ZLS' },
  { code: '110104', name: '水费水表', parentCode: '1101', defaultDepartmentCode: '530100-ZLS' },
  { code: '1102', name: '供电', parentCode: '11', defaultDepartmentCode: null },
  { code: '110201', name: '停电', parentCode: '1102', defaultDepartmentCode: '530100-GD' },
  { code: '110202', name: '电压不稳', parentCode: '1102', defaultDepartmentCode: '530100-GD' },
  { code: '110203', name: '电费电表', parentCode: '1102', defaultDepartmentCode: '530100-GD' },
  { code: '1103', name: '燃气', parentCode: '11', defaultDepartmentCode: null },
  { code: '110301', name: '停气', parentCode: '1103', defaultDepartmentCode: '530100-RQ' },
  { code: '110302', name: '燃气安全隐患', parentCode: '1103', defaultDepartmentCode: '530100-RQ' },
  { code: '110303', name: '燃气收费', parentCode: '1103', defaultDepartmentCode: '530100-RQ' },
  { code: '1104', name: '排水', parentCode: '11', defaultDepartmentCode: null },
  { code: '110401', name: '下水道堵塞', parentCode: '1104', defaultDepartmentCode: '530100-SW' },
  { code: '110402', name: '城市内涝', parentCode: '1104', defaultDepartmentCode: '530100-SW' },

  // 12 城市管理
  { code: '12', name: '城市管理', parentCode: null, defaultDepartmentCode: null },
  { code: '1201', name: '市容环境', parentCode: '12', defaultDepartmentCode: null },
  { code: '120101', name: '占道经营', parentCode: '1201', defaultDepartmentCode: '530100-CG' },
  { code: '120102', name: '垃圾清运', parentCode: '1201', defaultDepartmentCode: '530100-CG' },
  { code: '120103', name: '乱贴乱画', parentCode: '1201', defaultDepartmentCode: '530100-CG' },
  { code: '1202', name: '市政设施', parentCode: '12', defaultDepartmentCode: null },
  { code: '120201', name: '路灯不亮', parentCode: '1202', defaultDepartmentCode: '530100-CG' },
  { code: '120202', name: '井盖缺失破损', parentCode: '1202', defaultDepartmentCode: '530100-CG' },
  { code: '120203', name: '道路破损', parentCode: '1202', defaultDepartmentCode: '530100-CG' },
  { code: '1203', name: '违法建设', parentCode: '12', defaultDepartmentCode: '530100-CG' },
  { code: '1204', name: '园林绿化', parentCode: '12', defaultDepartmentCode: '530100-CG' },
  { code: '1205', name: '户外广告', parentCode: '12', defaultDepartmentCode: '530100-CG' },
  { code: '1206', name: '共享单车停放', parentCode: '12', defaultDepartmentCode: '530100-CG' },

  // 13 农业农村
  { code: '13', name: '农业农村', parentCode: null, defaultDepartmentCode: null },
  { code: '1301', name: '农资质量', parentCode: '13', defaultDepartmentCode: '530100-NY' },
  { code: '1302', name: '动物防疫', parentCode: '13', defaultDepartmentCode: '530100-NY' },
  { code: '1303', name: '农村土地承包', parentCode: '13', defaultDepartmentCode: '530100-NY' },
  { code: '1304', name: '农村人居环境', parentCode: '13', defaultDepartmentCode: '530100-NY' },

  // 14 文化旅游
  { code: '14', name: '文化旅游', parentCode: null, defaultDepartmentCode: null },
  { code: '1401', name: '旅游投诉', parentCode: '14', defaultDepartmentCode: null },
  { code: '140101', name: '强制购物', parentCode: '1401', defaultDepartmentCode: '530100-WL' },
  { code: '140102', name: '景区服务', parentCode: '1401', defaultDepartmentCode: '530100-WL' },
  { code: '140103', name: '旅行社服务', parentCode: '1401', defaultDepartmentCode: '530100-WL' },
  { code: '1402', name: '文化市场', parentCode: '14', defaultDepartmentCode: '530100-WL' },
  { code: '1403', name: '公共文化体育设施', parentCode: '14', defaultDepartmentCode: '530100-WL' },

  // 15 自然资源
  { code: '15', name: '自然资源', parentCode: null, defaultDepartmentCode: null },
  { code: '1501', name: '城乡规划', parentCode: '15', defaultDepartmentCode: '530100-ZG' },
  { code: '1502', name: '土地违法', parentCode: '15', defaultDepartmentCode: '530100-ZG' },
  { code: '1503', name: '征地拆迁', parentCode: '15', defaultDepartmentCode: '530100-ZG' },

  // 99 其他 (handled by the center itself)
  { code: '99', name: '其他', parentCode: null, defaultDepartmentCode: null },
  { code: '9901', name: '表扬感谢', parentCode: '99', defaultDepartmentCode: '530100-12345' },
  { code: '9902', name: '其他诉求', parentCode: '99', defaultDepartmentCode: '530100-12345' },
]
