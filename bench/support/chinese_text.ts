/**
 * Realistic 12345 requests: topics in a caller's words, places in a
 * Kunming-like city, names and phone numbers. The intake bench builds varied
 * payloads from them; the list bench builds its ~200 ticket templates.
 *
 * The words the list bench searches for (路灯, 噪音, 欠薪, 电梯) appear only in
 * their own topics, so their share of tickets is the share of those topics'
 * templates (a few % each).
 */
import type { Kind } from '#domain/ticket_attributes'

export interface Topic {
  /** category code in database/demo_data/categories.ts */
  category: string
  kind: Kind
  /** templates of this topic among the list bench's ~200: its frequency */
  weight: number
  titles: string[]
  bodies: string[]
}

export const TOPICS: Topic[] = [
  {
    category: '120201',
    kind: 'complaint',
    weight: 6,
    titles: ['小区门口路灯不亮', '路灯损坏长期无人维修', '路灯白天常亮浪费电'],
    bodies: [
      '门口的一排路灯已经连续一周不亮，晚上出行很不安全，老人孩子摔倒过好几次',
      '主干道旁有三盏路灯灯杆倾斜、灯罩脱落，夜间漆黑一片，存在安全隐患',
      '附近的路灯白天也一直亮着，已经持续半个多月，浪费电能',
    ],
  },
  {
    category: '010301',
    kind: 'complaint',
    weight: 5,
    titles: ['夜间施工噪音扰民', '工地深夜施工噪音大'],
    bodies: [
      '旁边的工地每天晚上十一点以后还在打桩施工，噪音很大，严重影响居民休息',
      '附近的建筑工地凌晨还有渣土车进出和机械作业，噪音扰民，多次劝阻无效',
    ],
  },
  {
    category: '070202',
    kind: 'complaint',
    weight: 4,
    titles: ['广场舞音响噪音扰民', '晚间广场舞噪音过大'],
    bodies: [
      '每天晚上七点到十点都有人跳广场舞，音响开得很大，噪音影响学生写作业和老人休息',
      '楼下空地上每晚有广场舞和唱歌活动，噪音持续到深夜，协商多次没有改善',
    ],
  },
  {
    category: '070202',
    kind: 'complaint',
    weight: 3,
    titles: ['商铺外放音响噪音', '沿街店铺喇叭噪音扰民'],
    bodies: [
      '沿街几家商铺在门口用大喇叭循环播放促销广告，噪音从早到晚不停',
      '底商酒吧营业到凌晨两点，音乐声和顾客喧哗造成噪音，楼上住户无法入睡',
    ],
  },
  {
    category: '040101',
    kind: 'help',
    weight: 6,
    titles: ['工地拖欠农民工工资', '公司欠薪三个月', '讨要欠薪无果'],
    bodies: [
      '来电人在该项目工地做木工，包工头已拖欠四个月工资共计三万余元，欠薪问题多次讨要无果',
      '来电人反映所在公司以经营困难为由欠薪三个月，涉及员工二十余人，老板拒不露面',
      '来电人去年在附近的装修项目务工，至今仍被欠薪八千元，施工方相互推诿',
    ],
  },
  {
    category: '030301',
    kind: 'report',
    weight: 5,
    titles: ['电梯频繁故障困人', '电梯维保不到位'],
    bodies: [
      '小区的电梯本月已经发生三次困人事故，物业只是简单重启，没有彻底检修',
      '单元楼电梯运行时异响抖动，维保记录长期未更新，居民担心乘坐安全',
    ],
  },
  {
    category: '0105',
    kind: 'consultation',
    weight: 3,
    titles: ['老旧小区加装电梯咨询', '加装电梯补贴政策'],
    bodies: [
      '来电人所在的老旧小区想申请加装电梯，咨询需要多少业主同意、补贴标准和办理流程',
      '来电人咨询加装电梯的审批部门和所需材料，低层住户有反对意见应如何协调',
    ],
  },
  {
    category: '110101',
    kind: 'help',
    weight: 7,
    titles: ['小区突然停水', '停水未提前通知'],
    bodies: [
      '从今天早上开始整栋楼停水，没有看到任何停水通知，家中老人做饭洗漱都很困难',
      '片区连续两天间歇性停水，供水公司热线一直占线，不清楚什么时候恢复',
    ],
  },
  {
    category: '110201',
    kind: 'help',
    weight: 6,
    titles: ['频繁停电', '停电影响生意'],
    bodies: [
      '这一周已经停电四次，每次一两个小时，冰箱里的食物都坏了，希望查明原因',
      '沿街商铺午间突然停电，影响正常营业，供电所没有提前告知',
    ],
  },
  {
    category: '110302',
    kind: 'report',
    weight: 5,
    titles: ['闻到燃气味', '燃气管道老化'],
    bodies: [
      '楼道里一直有明显的燃气味，担心管道泄漏，燃气公司至今没有上门检查',
      '小区燃气立管锈蚀严重，部分接口用胶布缠绕，存在很大的安全隐患',
    ],
  },
  {
    category: '120102',
    kind: 'complaint',
    weight: 7,
    titles: ['垃圾清运不及时', '垃圾桶满溢发臭'],
    bodies: [
      '小区垃圾桶已经三天没有清运，垃圾堆满溢出，天气热气味难闻，蚊蝇很多',
      '菜市场后门的垃圾收集点长期满溢，污水横流，影响周边居民生活',
    ],
  },
  {
    category: '120101',
    kind: 'complaint',
    weight: 6,
    titles: ['占道经营堵塞通行', '流动摊贩占道经营'],
    bodies: [
      '门口每天傍晚有大量摊贩占道经营，人行道被完全占用，行人只能走机动车道',
      '学校周边的流动摊贩占用盲道摆摊，放学时段拥堵严重，存在安全隐患',
    ],
  },
  {
    category: '1203',
    kind: 'report',
    weight: 6,
    titles: ['违章搭建', '楼顶违建'],
    bodies: [
      '有住户在楼顶私自搭建彩钢棚，面积较大，担心影响楼体结构和消防安全',
      '一楼住户私自扩建院墙占用公共绿地，其他业主多次反映物业未处理',
    ],
  },
  {
    category: '020302',
    kind: 'complaint',
    weight: 6,
    titles: ['车辆乱停堵塞消防通道', '违法停车'],
    bodies: [
      '小区消防通道长期被私家车占用，消防车无法通行，物业管理不力',
      '道路两侧车辆违法停放，早晚高峰只剩一条车道，公交车经常无法进站',
    ],
  },
  {
    category: '010101',
    kind: 'complaint',
    weight: 7,
    titles: ['物业服务差', '物业不作为'],
    bodies: [
      '物业收费后不提供相应服务，楼道卫生无人打扫，门禁损坏半年未修',
      '业主反映的漏水问题物业一直推诿，既不维修也不给出处理意见',
    ],
  },
  {
    category: '010102',
    kind: 'consultation',
    weight: 5,
    titles: ['物业费上涨是否合理', '物业费收费标准咨询'],
    bodies: [
      '物业公司通知物业费每平方米上涨五角，没有召开业主大会，咨询是否合规',
      '来电人咨询物业费的收费标准由哪个部门核定，物业能否因欠费停水停电',
    ],
  },
  {
    category: '010201',
    kind: 'complaint',
    weight: 5,
    titles: ['商品房延期交房', '开发商逾期不交房'],
    bodies: [
      '购买的商品房合同约定去年底交房，至今仍未交付，开发商也不支付违约金',
      '项目工地已停工多月，购房者担心烂尾，要求相关部门督促开发商复工',
    ],
  },
  {
    category: '020101',
    kind: 'suggestion',
    weight: 5,
    titles: ['建议增设公交线路', '公交站点设置不合理'],
    bodies: [
      '新建小区入住人口多，附近没有公交线路，建议增设一条通往地铁站的公交',
      '公交站台距离路口太近，车辆停靠时造成拥堵，建议调整站点位置',
    ],
  },
  {
    category: '020201',
    kind: 'complaint',
    weight: 5,
    titles: ['出租车拒载', '出租车绕路多收费'],
    bodies: [
      '来电人在火车站打车，出租车司机嫌路程近拒载，车牌号已记下',
      '来电人乘坐出租车从机场到市区，司机故意绕路，多收了四十多元',
    ],
  },
  {
    category: '060201',
    kind: 'consultation',
    weight: 6,
    titles: ['医保报销咨询', '异地就医报销'],
    bodies: [
      '来电人在省外住院，咨询异地就医如何备案、回来后医保报销需要哪些材料',
      '来电人咨询门诊慢特病的医保报销比例和年度限额，社区医院能否直接结算',
    ],
  },
  {
    category: '040201',
    kind: 'consultation',
    weight: 5,
    titles: ['养老保险缴费咨询', '社保断缴补缴'],
    bodies: [
      '来电人灵活就业，咨询城镇职工养老保险的缴费档次和缴费方式',
      '来电人换工作期间社保断缴两个月，咨询能否补缴以及对退休待遇的影响',
    ],
  },
  {
    category: '0904',
    kind: 'consultation',
    weight: 5,
    titles: ['户口迁移咨询', '新生儿落户'],
    bodies: [
      '来电人咨询购房后把户口从外省迁入需要准备的材料和办理地点',
      '来电人咨询新生儿落户需要哪些证件，能否在网上办理',
    ],
  },
  {
    category: '0501',
    kind: 'consultation',
    weight: 6,
    titles: ['小学入学划片咨询', '随迁子女入学'],
    bodies: [
      '来电人咨询今年小学招生的划片范围，租房居住的孩子能否就近入学',
      '来电人是外来务工人员，咨询随迁子女入读公办学校需要哪些证明材料',
    ],
  },
  {
    category: '030101',
    kind: 'report',
    weight: 5,
    titles: ['餐馆卫生差', '食品安全问题'],
    bodies: [
      '来电人在附近一家餐馆就餐后出现腹泻，餐馆后厨卫生很差，要求检查',
      '菜市场有商贩销售来源不明的冻肉，没有检疫证明，担心食品安全',
    ],
  },
  {
    category: '030201',
    kind: 'complaint',
    weight: 6,
    titles: ['健身房关门无法退费', '预付卡退费难'],
    bodies: [
      '来电人办理的健身年卡还剩八个月，健身房突然关门，老板联系不上',
      '培训机构收取一年学费后停课，家长要求退费，机构以各种理由拖延',
    ],
  },
  {
    category: '070102',
    kind: 'complaint',
    weight: 6,
    titles: ['餐饮油烟扰民', '烧烤油烟直排'],
    bodies: [
      '楼下新开的餐馆油烟直排，没有安装净化设备，楼上住户窗户都不敢开',
      '夜市烧烤摊油烟很大，烟雾飘进住户家中，呛得老人咳嗽',
    ],
  },
  {
    category: '120203',
    kind: 'report',
    weight: 6,
    titles: ['道路坑洼破损', '人行道地砖松动'],
    bodies: [
      '主路上出现多个大坑，下雨后积水看不清，已经有电动车在此摔倒',
      '人行道地砖大面积松动翘起，雨天踩上去溅一身泥水，老人容易绊倒',
    ],
  },
  {
    category: '120202',
    kind: 'report',
    weight: 5,
    titles: ['井盖缺失', '井盖破损下沉'],
    bodies: [
      '人行道上的井盖丢失，只用一个塑料桶挡着，夜间行人很容易掉进去',
      '机动车道中间的井盖破损下沉，车辆经过时颠簸严重，存在安全隐患',
    ],
  },
  {
    category: '1204',
    kind: 'help',
    weight: 5,
    titles: ['树木遮挡采光', '行道树需修剪'],
    bodies: [
      '楼前的大树长得比楼还高，遮挡低层住户采光，枝条碰到电线，请求修剪',
      '行道树枝条下垂遮挡交通标志，大风天气有断枝砸人的危险',
    ],
  },
  {
    category: '110402',
    kind: 'help',
    weight: 6,
    titles: ['下雨积水严重', '排水不畅'],
    bodies: [
      '每次下大雨路口积水都超过半米，车辆熄火，行人无法通过，排水管道可能堵塞',
      '小区地下车库雨天进水，排水泵长期损坏，业主车辆多次被淹',
    ],
  },
  {
    category: '0906',
    kind: 'consultation',
    weight: 5,
    titles: ['公积金提取咨询', '公积金贷款额度'],
    bodies: [
      '来电人咨询租房提取住房公积金的条件、额度和线上办理方式',
      '来电人准备购买首套房，咨询公积金贷款的最高额度和审批时间',
    ],
  },
  {
    category: '1206',
    kind: 'complaint',
    weight: 5,
    titles: ['共享单车乱停放', '共享单车堵塞通道'],
    bodies: [
      '地铁站出口共享单车堆积如山，占满人行道和盲道，出行很不方便',
      '小区门口共享单车随意停放，堵住了消防通道和出入口',
    ],
  },
  {
    category: '0801',
    kind: 'report',
    weight: 5,
    titles: ['流浪犬伤人隐患', '遛狗不拴绳'],
    bodies: [
      '小区里有多只流浪犬，经常追咬路人，已经有孩子被咬伤',
      '有居民遛狗不拴绳，大型犬在儿童游乐区追逐，家长多次劝说无效',
    ],
  },
  {
    category: '0902',
    kind: 'complaint',
    weight: 5,
    titles: ['办事窗口多次跑腿', '材料要求不一致'],
    bodies: [
      '来电人为办理营业执照变更已经跑了四趟，每次窗口要求补充的材料都不一样',
      '来电人在政务大厅办理不动产登记，被告知系统故障让改天再来，已经是第三次',
    ],
  },
  {
    category: '9901',
    kind: 'praise',
    weight: 4,
    titles: ['表扬社区工作人员', '感谢热心办事'],
    bodies: [
      '来电人表扬社区网格员耐心帮助独居老人办理补贴，工作认真负责',
      '来电人感谢派出所民警帮忙找回走失的老人，特此致电表示感谢',
    ],
  },
  {
    category: '1005',
    kind: 'suggestion',
    weight: 5,
    titles: ['建议增设休闲座椅', '建议增设健身器材'],
    bodies: [
      '公园步道很长但沿途没有座椅，老人走累了无处休息，建议增设',
      '社区人口多但健身器材很少且部分损坏，建议更换并增加一些',
    ],
  },
  {
    category: '0802',
    kind: 'report',
    weight: 4,
    titles: ['疑似电信诈骗', '接到诈骗电话'],
    bodies: [
      '来电人接到自称客服的电话要求转账解冻账户，怀疑是诈骗，已保存号码',
      '来电人母亲被冒充公检法的电话骗走两万元，已向派出所报案，询问进展',
    ],
  },
  {
    category: '9902',
    kind: 'consultation',
    weight: 6,
    titles: ['政策咨询', '办事流程咨询'],
    bodies: [
      '来电人咨询个体工商户办理营业执照的流程和需要准备的材料',
      '来电人咨询老年人优待证的申请条件，在哪里可以办理',
    ],
  },
]

/** Where: district department code (departments.ts) and a place within it. */
export const PLACES: readonly { district: string; place: string }[] = [
  { district: '530114', place: '呈贡区吴家营街道雨花社区' },
  { district: '530114', place: '呈贡区乌龙街道万溪冲社区' },
  { district: '530114', place: '呈贡区洛羊街道大冲村' },
  { district: '530114', place: '呈贡区龙城街道七彩云南第壹城小区' },
  { district: '530102', place: '五华区莲华街道金鼎山小区' },
  { district: '530102', place: '五华区华山街道翠湖片区' },
  { district: '530102', place: '五华区红云街道沣源小区' },
  { district: '530103', place: '盘龙区拓东街道金碧广场附近' },
  { district: '530103', place: '盘龙区茨坝街道金江小区' },
  { district: '530111', place: '官渡区关上街道春城花园小区' },
  { district: '530111', place: '官渡区矣六街道宝海公园附近' },
  { district: '530111', place: '官渡区太和街道东风广场附近' },
  { district: '530112', place: '西山区前卫街道滇池明珠小区' },
  { district: '530112', place: '西山区马街街道苏家塘社区' },
  { district: '530115', place: '晋宁区昆阳街道月山小区' },
]

export const ASKS = [
  '希望有关部门尽快处理。',
  '请相关部门核实并给予答复。',
  '要求尽快解决并回复处理结果。',
  '请求职能部门上门查看。',
  '希望能够得到妥善解决。',
]

export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高'
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
]

/** A mainland number in one of the ways operators type them. */
export function phoneNumber(random: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
  const prefix = ['138', '139', '150', '151', '158', '177', '186', '187', '199'][
    Math.floor(random() * 9)
  ]
  const body = digits(8)
  const style = random()
  if (style < 0.55) return `${prefix}${body}`
  if (style < 0.75) return `${prefix} ${body.slice(0, 4)} ${body.slice(4)}`
  if (style < 0.85) return `+86 ${prefix}-${body.slice(0, 4)}-${body.slice(4)}`
  return `0871-6${digits(7)}`
}
