/**
 * Word lists for the demo-data generator: names, 姑苏 streets, industries and the
 * wording of licences, penalties and list entries. Kept short; realism comes
 * from combining them.
 */
import { AuthorityKind, CommitmentKind, LicenseCategory } from '../domain/vocabulary';

/** Common surnames, most frequent (in Suzhou) first: the generator favours the head of the list. */
export const SURNAMES = [
  '王', '陈', '张', '李', '周', '徐', '朱', '顾', '沈', '陆', '吴', '钱', '刘', '杨', '黄',
  '孙', '蒋', '金', '许', '姚', '潘', '范', '汪', '胡', '杜', '薛', '曹', '马', '高', '赵',
  '郭', '林', '何', '郑', '宋', '唐', '韩', '冯', '邓', '彭', '叶', '程', '袁', '魏', '吕',
  '丁', '任', '卢', '谢', '邹', '严', '浦', '费', '缪', '秦', '尤', '屠', '谈', '倪', '戴',
] as const;

export const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '明', '超', '刚', '平', '辉', '鹏', '华',
  '飞', '鑫', '波', '宁', '浩', '建', '国', '志', '文', '俊', '峰', '亮', '健', '林', '东',
  '晨', '宇', '凯', '荣', '新', '忠', '兴', '德', '铭', '轩',
] as const;

export const FEMALE_GIVEN = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '慧', '红', '琳',
  '颖', '萍', '佳', '倩', '洁', '梅', '琴', '云', '莉', '欣', '悦', '秀', '英', '蓉', '怡',
] as const;

/** 字号: two-character trade names, many with local colour. */
export const TRADE_NAMES = [
  '锦程', '平江', '沧浪', '金阊', '吴韵', '姑苏', '鼎盛', '恒瑞', '宏达', '瑞丰', '嘉禾', '华联',
  '永盛', '天成', '鑫源', '盛世', '聚福', '隆昌', '兴业', '德润', '明远', '睿达', '博雅', '新航',
  '汇通', '景行', '同创', '和泰', '东吴', '阊门', '虎丘', '山塘', '枫桥', '寒山', '盘门', '胥江',
  '桃坞', '双塔', '吴门', '苏韵', '雅集', '怡园', '沁园', '网师', '泓德', '澄明', '思源', '金鼎',
  '信达', '诚鑫', '瑞升', '祥和', '安康', '福源', '康宁', '致远', '卓越', '优品', '良辰', '青禾',
  '润泽', '蓝海', '星辰', '云帆', '长河', '金桥', '华泰', '广源', '正元', '万家', '百汇', '千禧',
] as const;

/** Characters to compose further 字号 when the fixed list runs out. */
export const TRADE_CHARS = [
  '锦', '瑞', '华', '鑫', '盛', '源', '泰', '恒', '嘉', '宏', '达', '隆', '昌', '兴', '润', '德',
  '明', '通', '福', '祥', '安', '康', '和', '泓', '澄', '睿', '博', '雅', '聚', '合', '信', '诚',
  '永', '天', '新', '金', '宝', '富', '丰', '茂', '益', '佳', '优', '创', '联', '汇', '航', '帆',
  '川', '江', '吴', '越', '沧', '兰', '竹', '梅', '松', '枫', '桐', '禾', '楷', '弘', '誉', '顺',
] as const;

/** GB/T 4754-2017 门类 (sections) used by the demo. */
export const INDUSTRY = {
  A: '农、林、牧、渔业',
  C: '制造业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
} as const;
export type IndustrySection = keyof typeof INDUSTRY;

/** 行业词 of enterprise names, with the section each implies and a relative frequency. */
export const ENTERPRISE_TRADES: readonly (readonly [string, IndustrySection, number])[] = [
  ['贸易', 'F', 8], ['商贸', 'F', 6], ['电子商务', 'F', 4], ['医疗器械', 'F', 2], ['食品', 'F', 3],
  ['餐饮管理', 'H', 6], ['酒店管理', 'H', 3], ['建筑工程', 'E', 5], ['装饰工程', 'E', 5],
  ['机电安装工程', 'E', 2], ['科技', 'M', 7], ['工程技术', 'M', 2], ['检测技术', 'M', 1],
  ['信息技术', 'I', 4], ['网络科技', 'I', 4], ['软件', 'I', 2], ['物业管理', 'K', 4],
  ['房地产经纪', 'K', 2], ['文化传媒', 'R', 5], ['文化艺术', 'R', 2], ['广告', 'L', 3],
  ['企业管理咨询', 'L', 4], ['人力资源', 'L', 2], ['国际旅行社', 'L', 2], ['物流', 'G', 2],
  ['汽车服务', 'O', 2], ['家政服务', 'O', 2], ['丝绸', 'C', 2], ['刺绣艺术品', 'C', 1],
  ['工艺品', 'C', 1], ['园林绿化', 'N', 2], ['环境工程', 'N', 1], ['教育科技', 'P', 2],
  ['健康管理', 'Q', 1],
];

/** Shop types of 个体工商户 names. */
export const SHOP_TYPES: readonly (readonly [string, IndustrySection, number])[] = [
  ['面馆', 'H', 6], ['小吃店', 'H', 6], ['饭店', 'H', 4], ['糕团店', 'H', 2], ['茶馆', 'H', 2],
  ['奶茶店', 'H', 3], ['便利店', 'F', 6], ['水果店', 'F', 4], ['烟酒店', 'F', 3], ['五金店', 'F', 2],
  ['服装店', 'F', 4], ['茶叶店', 'F', 2], ['眼镜店', 'F', 1], ['花店', 'F', 2], ['书店', 'F', 1],
  ['丝绸店', 'F', 2], ['理发店', 'O', 5], ['美容店', 'O', 3], ['干洗店', 'O', 2], ['修车铺', 'O', 2],
  ['家电维修部', 'O', 1], ['照相馆', 'O', 1], ['裁缝铺', 'O', 1], ['足浴店', 'O', 1], ['棋牌室', 'R', 1],
];

export const COOPERATIVE_TRADES = [
  '花卉种植专业合作社', '蔬菜种植专业合作社', '茶叶专业合作社', '水产养殖专业合作社',
  '苗木专业合作社', '碧螺春茶专业合作社', '农机服务专业合作社',
] as const;

/** 社会团体 (51), 民办非企业单位 (52), 基金会 (53) name endings. */
export const SOCIAL_GROUP_TYPES = [
  '餐饮行业协会', '个体劳动者协会', '志愿者协会', '书法家协会', '摄影家协会', '老年人体育协会',
  '商会', '物业管理协会', '旅游协会', '评弹艺术研究会', '收藏家协会', '消费者协会',
] as const;
export const PRIVATE_NON_ENTERPRISE_TYPES: readonly (readonly [string, IndustrySection])[] = [
  ['幼儿园', 'P'], ['培训中心', 'P'], ['艺术培训学校', 'P'], ['养老服务中心', 'Q'],
  ['社会工作服务社', 'Q'], ['居家养老服务站', 'Q'],
];
export const FOUNDATION_TYPES = ['慈善基金会', '教育基金会', '文化发展基金会'] as const;

/** 姑苏区 街道 (sub-districts), for the names of social organisations and institutions. */
export const SUBDISTRICTS = [
  '平江街道', '沧浪街道', '金阊街道', '双塔街道', '吴门桥街道', '虎丘街道', '白洋湾街道', '苏锦街道',
] as const;

/** 事业单位 name endings with their section. */
export const INSTITUTION_TYPES: readonly (readonly [string, IndustrySection])[] = [
  ['实验小学', 'P'], ['中心小学', 'P'], ['初级中学', 'P'], ['幼儿园', 'P'],
  ['社区卫生服务中心', 'Q'], ['文化站', 'R'], ['档案馆', 'S'], ['园林管理处', 'N'],
];

/** Streets of 姑苏区, for names and addresses. */
export const STREETS = [
  '平江路', '观前街', '人民路', '干将西路', '干将东路', '十全街', '山塘街', '石路', '道前街',
  '养育巷', '凤凰街', '白塔西路', '白塔东路', '临顿路', '景德路', '西中市', '东中市', '阊胥路',
  '南门路', '三香路', '学士街', '东大街', '西北街', '齐门路', '桃花坞大街', '仓街', '十梓街',
  '竹辉路', '广济路', '留园路', '虎丘路', '大儒巷', '钮家巷', '金门路', '苏站路', '新市路',
] as const;

/** Occupations of natural persons who appear in 双公示 data, by section. */
export const PERSON_SECTIONS: readonly (readonly [IndustrySection, number])[] = [
  ['O', 4], ['H', 3], ['F', 3], ['G', 2], ['E', 2], ['Q', 1],
];

/** 行政相对人 legal bases and facts of violations, by the authority that punishes them. */
export interface ViolationSpec {
  authority: string;
  type: string; // 违法行为类型
  facts: string; // {n} is replaced by a small number
  basis: string; // 处罚依据
  sections: readonly IndustrySection[] | null; // null: any subject
  persons: boolean; // may be committed by a natural person
  severity: readonly [number, number, number]; // weights of MINOR, GENERAL, SERIOUS
  permit: string | null; // the licence a serious case may revoke
}

export const VIOLATIONS: readonly ViolationSpec[] = [
  { authority: 'gusu.scjgj', type: '经营超过保质期的食品', facts: '经查，当事人在经营场所销售超过保质期的预包装食品共计{n}件，货值较小。', basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项', sections: ['H', 'F'], persons: false, severity: [6, 3, 1], permit: '食品经营许可证' },
  { authority: 'gusu.scjgj', type: '未取得食品经营许可从事食品经营', facts: '经查，当事人未取得食品经营许可，擅自从事热食类食品制售活动{n}个月。', basis: '《中华人民共和国食品安全法》第一百二十二条第一款', sections: ['H'], persons: true, severity: [2, 5, 2], permit: null },
  { authority: 'gusu.scjgj', type: '虚假宣传', facts: '经查，当事人在其网店页面对商品性能作虚假宣传，欺骗、误导消费者，涉及商品{n}种。', basis: '《中华人民共和国反不正当竞争法》第二十条第一款', sections: ['F', 'I', 'L', 'C'], persons: false, severity: [3, 5, 2], permit: null },
  { authority: 'gusu.scjgj', type: '不明码标价', facts: '经查，当事人经营场所内{n}种商品未按规定明码标价。', basis: '《明码标价和禁止价格欺诈规定》第二十一条', sections: ['F', 'H', 'O'], persons: true, severity: [8, 2, 0], permit: null },
  { authority: 'gusu.scjgj', type: '侵犯注册商标专用权', facts: '经查，当事人销售侵犯他人注册商标专用权的商品{n}件。', basis: '《中华人民共和国商标法》第六十条第二款', sections: ['F', 'C'], persons: false, severity: [1, 5, 4], permit: null },
  { authority: 'gusu.scjgj', type: '特种设备未经定期检验继续使用', facts: '经查，当事人使用的{n}台电梯未经定期检验仍继续使用。', basis: '《中华人民共和国特种设备安全法》第八十四条第（一）项', sections: ['K', 'H', 'C', 'F'], persons: false, severity: [2, 5, 3], permit: null },
  { authority: 'gusu.zjw', type: '未取得施工许可证擅自施工', facts: '经查，当事人承建的工程项目未取得施工许可证即开工建设，建筑面积约{n}00平方米。', basis: '《建筑工程施工许可管理办法》第十二条', sections: ['E'], persons: false, severity: [1, 5, 4], permit: null },
  { authority: 'gusu.zjw', type: '违法分包', facts: '经查，当事人将承包工程中的{n}项分部工程分包给不具备相应资质的单位。', basis: '《建设工程质量管理条例》第六十二条第一款', sections: ['E'], persons: false, severity: [0, 4, 6], permit: '建筑业企业资质证书' },
  { authority: 'gusu.zjw', type: '物业服务企业未按规定履行义务', facts: '经查，当事人在服务的住宅小区内未按规定公示物业服务收费项目，涉及{n}个小区。', basis: '《江苏省物业管理条例》第八十三条', sections: ['K'], persons: false, severity: [6, 4, 0], permit: null },
  { authority: 'gusu.xfjy', type: '消防设施、器材未保持完好有效', facts: '经查，当事人经营场所内{n}具灭火器压力不足，室内消火栓无水。', basis: '《中华人民共和国消防法》第六十条第一款第（一）项', sections: null, persons: false, severity: [5, 4, 1], permit: null },
  { authority: 'gusu.xfjy', type: '占用、堵塞、封闭疏散通道、安全出口', facts: '经查，当事人经营场所{n}处安全出口被货物堵塞。', basis: '《中华人民共和国消防法》第六十条第一款第（三）项', sections: ['H', 'F', 'R', 'O'], persons: true, severity: [4, 4, 2], permit: null },
  { authority: 'gusu.ajj', type: '未按规定对从业人员进行安全生产教育和培训', facts: '经查，当事人{n}名从业人员未经安全生产教育和培训即上岗作业。', basis: '《中华人民共和国安全生产法》第九十七条第（三）项', sections: ['C', 'E', 'F', 'G'], persons: false, severity: [3, 6, 1], permit: null },
  { authority: 'gusu.ajj', type: '未取得危险化学品经营许可证经营危险化学品', facts: '经查，当事人未取得危险化学品经营许可证，销售工业酒精等危险化学品{n}桶。', basis: '《危险化学品安全管理条例》第七十七条第三款', sections: ['F', 'C'], persons: false, severity: [0, 3, 7], permit: null },
  { authority: 'gusu.wjw', type: '公共场所从业人员未取得有效健康合格证明', facts: '经查，当事人{n}名直接为顾客服务的从业人员未取得有效健康合格证明。', basis: '《公共场所卫生管理条例实施细则》第三十八条', sections: ['O', 'H'], persons: false, severity: [7, 3, 0], permit: null },
  { authority: 'gusu.wjw', type: '超出执业范围开展诊疗活动', facts: '经查，当事人超出核准登记的诊疗科目开展医疗美容诊疗活动{n}例。', basis: '《医疗机构管理条例》第四十六条', sections: ['Q'], persons: true, severity: [1, 5, 4], permit: '医疗机构执业许可证' },
  { authority: 'gusu.cgj', type: '擅自设置户外广告', facts: '经查，当事人未经批准在建筑物外立面擅自设置户外广告{n}处。', basis: '《江苏省城市市容和环境卫生管理条例》第四十三条', sections: null, persons: false, severity: [7, 3, 0], permit: null },
  { authority: 'gusu.cgj', type: '擅自占用城市道路经营', facts: '经查，当事人擅自占用店外人行道摆放商品经营，占用面积约{n}平方米。', basis: '《苏州市市容和环境卫生管理条例》第二十条', sections: ['F', 'H', 'O'], persons: true, severity: [9, 1, 0], permit: null },
  { authority: 'gusu.cgj', type: '随意倾倒建筑垃圾', facts: '经查，当事人运输过程中随意倾倒建筑垃圾约{n}立方米。', basis: '《城市建筑垃圾管理规定》第二十六条', sections: ['E', 'G'], persons: true, severity: [2, 5, 3], permit: null },
  { authority: 'gusu.whlyj', type: '娱乐场所违规经营', facts: '经查，当事人在规定营业时间以外营业，超时{n}小时。', basis: '《娱乐场所管理条例》第四十八条', sections: ['R'], persons: false, severity: [4, 5, 1], permit: '娱乐场所经营许可证' },
  { authority: 'gusu.whlyj', type: '未与旅游者签订旅游合同', facts: '经查，当事人组织{n}批次旅游团未与旅游者签订书面旅游合同。', basis: '《中华人民共和国旅游法》第一百条第（一）项', sections: ['L'], persons: false, severity: [4, 5, 1], permit: null },
  { authority: 'gusu.rsj', type: '未按规定支付劳动报酬', facts: '经查，当事人拖欠{n}名劳动者工资，经责令限期支付逾期未支付。', basis: '《劳动保障监察条例》第二十六条', sections: null, persons: false, severity: [1, 5, 4], permit: null },
  { authority: 'gusu.rsj', type: '未依法为职工办理社会保险登记', facts: '经查，当事人未依法为{n}名职工办理社会保险登记。', basis: '《中华人民共和国社会保险法》第八十四条', sections: null, persons: false, severity: [5, 4, 1], permit: null },
  { authority: 'gusu.swj', type: '未按照规定期限办理纳税申报', facts: '经查，当事人未按照规定期限办理{n}个所属期的增值税纳税申报。', basis: '《中华人民共和国税收征收管理法》第六十二条', sections: null, persons: true, severity: [9, 1, 0], permit: null },
  { authority: 'gusu.swj', type: '虚开发票', facts: '经查，当事人为他人虚开增值税普通发票{n}份。', basis: '《中华人民共和国发票管理办法》第三十五条', sections: null, persons: false, severity: [0, 2, 8], permit: null },
  { authority: 'gusu.fgj', type: '未按规定进行节能审查', facts: '经查，当事人的固定资产投资项目未进行节能审查即开工建设，年综合能耗约{n}00吨标准煤。', basis: '《固定资产投资项目节能审查办法》第二十三条', sections: ['C', 'E', 'K'], persons: false, severity: [2, 6, 2], permit: null },
];

/** Licence types, by authority; the generator picks among those that fit a subject. */
export interface LicenseSpec {
  authority: string;
  title: string; // 许可证书名称
  documentName: string; // 行政许可决定文书名称
  category: LicenseCategory;
  contents: readonly string[];
  validYears: number | null; // null: 长期
  sections: readonly IndustrySection[] | null; // null: any
  kinds: 'org' | 'business' | 'person'; // org: any organisation; business: enterprises, individual businesses, cooperatives
  certPrefix: string; // prefix of the certificate number
  weight: number;
}

export const LICENSES: readonly LicenseSpec[] = [
  { authority: 'gusu.scjgj', title: '营业执照', documentName: '准予变更登记通知书', category: LicenseCategory.REGISTRATION, contents: ['准予变更登记：经营范围变更', '准予变更登记：住所变更', '准予变更登记：法定代表人变更'], validYears: null, sections: null, kinds: 'business', certPrefix: '', weight: 6 },
  { authority: 'gusu.scjgj', title: '食品经营许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['预包装食品（含冷藏冷冻食品）销售；散装食品销售', '热食类食品制售；冷食类食品制售', '热食类食品制售；自制饮品制售'], validYears: 5, sections: ['H', 'F'], kinds: 'business', certPrefix: 'JY2320508', weight: 10 },
  { authority: 'gusu.scjgj', title: '药品经营许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['零售：中成药、化学药制剂、抗生素制剂'], validYears: 5, sections: ['F'], kinds: 'business', certPrefix: '苏DA5120', weight: 1 },
  { authority: 'gusu.scjgj', title: '特种设备使用登记证', documentName: '特种设备使用登记决定书', category: LicenseCategory.REGISTRATION, contents: ['电梯使用登记', '锅炉使用登记', '压力容器使用登记'], validYears: null, sections: ['K', 'H', 'C', 'F', 'P', 'Q'], kinds: 'org', certPrefix: '梯11苏E', weight: 3 },
  { authority: 'gusu.xzspj', title: '公共场所卫生许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['住宿业', '美容美发场所', '沐浴场所'], validYears: 4, sections: ['H', 'O'], kinds: 'business', certPrefix: '苏卫公证字〔姑〕', weight: 5 },
  { authority: 'gusu.wjw', title: '医疗机构执业许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['诊疗科目：内科；外科；口腔科', '诊疗科目：全科医疗科；预防保健科', '诊疗科目：医疗美容科'], validYears: 5, sections: ['Q'], kinds: 'org', certPrefix: 'PDY', weight: 6 },
  { authority: 'gusu.wjw', title: '医师执业证书', documentName: '医师执业注册决定书', category: LicenseCategory.REGISTRATION, contents: ['执业类别：临床；执业范围：内科专业', '执业类别：口腔；执业范围：口腔专业'], validYears: null, sections: ['Q'], kinds: 'person', certPrefix: '1103205080', weight: 5 },
  { authority: 'gusu.zjw', title: '建筑工程施工许可证', documentName: '建筑工程施工许可决定书', category: LicenseCategory.GENERAL, contents: ['住宅装修改造工程', '商业用房改造工程', '老旧小区改造工程'], validYears: null, sections: ['E'], kinds: 'business', certPrefix: '320508', weight: 6 },
  { authority: 'gusu.zjw', title: '建筑业企业资质证书', documentName: '准予资质许可决定书', category: LicenseCategory.ACCREDITATION, contents: ['建筑装修装饰工程专业承包二级', '建筑工程施工总承包三级', '机电工程施工总承包三级'], validYears: 5, sections: ['E'], kinds: 'business', certPrefix: 'D33205', weight: 4 },
  { authority: 'gusu.zjw', title: '城镇污水排入排水管网许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['餐饮污水排入城镇排水管网', '生活污水排入城镇排水管网'], validYears: 5, sections: ['H', 'C', 'O'], kinds: 'business', certPrefix: '苏姑排水字第', weight: 3 },
  { authority: 'gusu.xfjy', title: '公众聚集场所投入使用、营业前消防安全检查合格证', documentName: '公众聚集场所投入使用、营业前消防安全检查意见书', category: LicenseCategory.GENERAL, contents: ['同意投入使用、营业'], validYears: null, sections: ['H', 'R', 'O', 'F', 'P'], kinds: 'org', certPrefix: '苏姑消安检字', weight: 4 },
  { authority: 'gusu.cgj', title: '户外广告设施设置许可', documentName: '准予行政许可决定书', category: LicenseCategory.FRANCHISE, contents: ['设置店招标牌', '设置户外广告牌'], validYears: 3, sections: null, kinds: 'business', certPrefix: '姑城管广字', weight: 3 },
  { authority: 'gusu.cgj', title: '城市建筑垃圾处置核准', documentName: '准予行政许可决定书', category: LicenseCategory.APPROVAL, contents: ['建筑垃圾运输、消纳处置'], validYears: 1, sections: ['E', 'G'], kinds: 'business', certPrefix: '姑建垃核字', weight: 3 },
  { authority: 'gusu.whlyj', title: '娱乐场所经营许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['歌舞娱乐场所', '游艺娱乐场所'], validYears: 2, sections: ['R'], kinds: 'business', certPrefix: '320508', weight: 5 },
  { authority: 'gusu.whlyj', title: '旅行社业务经营许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['经营国内旅游业务和入境旅游业务'], validYears: null, sections: ['L'], kinds: 'business', certPrefix: 'L-JS-', weight: 4 },
  { authority: 'gusu.whlyj', title: '出版物经营许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['出版物零售'], validYears: 6, sections: ['F', 'R'], kinds: 'business', certPrefix: '新出发姑字第', weight: 1 },
  { authority: 'gusu.rsj', title: '人力资源服务许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['职业介绍；人力资源供求信息的收集和发布'], validYears: 5, sections: ['L'], kinds: 'business', certPrefix: '(苏)人服证字', weight: 4 },
  { authority: 'gusu.rsj', title: '劳务派遣经营许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['劳务派遣'], validYears: 3, sections: ['L'], kinds: 'business', certPrefix: '320508', weight: 2 },
  { authority: 'gusu.ajj', title: '危险化学品经营许可证', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['无储存经营：乙醇、油漆、稀释剂'], validYears: 3, sections: ['F', 'C'], kinds: 'business', certPrefix: '苏苏(姑)危化经字', weight: 1 },
  { authority: 'gusu.fgj', title: '江苏省投资项目备案证', documentName: '企业投资项目备案通知书', category: LicenseCategory.OTHER, contents: ['技术改造项目备案', '商业综合体改造项目备案'], validYears: 2, sections: ['C', 'E', 'K', 'H'], kinds: 'business', certPrefix: '姑发改备', weight: 2 },
  { authority: 'gusu.swj', title: '增值税专用发票最高开票限额审批', documentName: '准予税务行政许可决定书', category: LicenseCategory.APPROVAL, contents: ['增值税专用发票最高开票限额十万元', '增值税专用发票最高开票限额一百万元'], validYears: null, sections: null, kinds: 'business', certPrefix: '苏姑税许', weight: 2 },
  { authority: 'gusu.xzspj', title: '临时占用城市道路许可', documentName: '准予行政许可决定书', category: LicenseCategory.GENERAL, contents: ['临时占用人行道设置施工围挡', '临时占用城市道路堆放材料'], validYears: 1, sections: ['E', 'F', 'H'], kinds: 'business', certPrefix: '姑审批占道字', weight: 2 },
];

/** List-entry reasons and their legal bases. */
export interface ListReasonSpec {
  authority: string;
  /** 名单类别 (sanctions list_kind code), who designates it, and the designating authority's name. */
  kind: string;
  authorityKind: AuthorityKind;
  authorityName: string;
  reason: string;
  basis: string;
  years: readonly [number, number]; // validity range in years
  sections: readonly IndustrySection[] | null;
}

export const BLACK_REASONS: readonly ListReasonSpec[] = [
  { authority: 'gusu.scjgj', kind: 'MARKET_SERIOUS_VIOLATION', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区市场监督管理局', reason: '严重违法失信企业', basis: '《市场监督管理严重违法失信名单管理办法》第{art}条', years: [3, 3], sections: null },
  { authority: 'gusu.swj', kind: 'MAJOR_TAX_VIOLATION', authorityKind: AuthorityKind.TAX, authorityName: '国家税务总局苏州市姑苏区税务局', reason: '重大税收违法失信主体', basis: '《重大税收违法失信主体信息公布管理办法》第六条', years: [3, 3], sections: null },
  { authority: 'gusu.rsj', kind: 'WAGE_ARREARS', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区人力资源和社会保障局', reason: '拖欠农民工工资失信联合惩戒对象', basis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条', years: [3, 3], sections: ['E'] },
  { authority: 'gusu.ajj', kind: 'WORK_SAFETY_SERIOUS', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区应急管理局', reason: '安全生产严重失信主体', basis: '《安全生产严重失信主体名单管理办法》第七条', years: [3, 3], sections: ['C', 'E', 'F', 'G'] },
  { authority: 'gusu.zjw', kind: 'CONSTRUCTION_MARKET_SERIOUS', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区住房和城乡建设局', reason: '建筑市场主体严重失信', basis: '《建筑市场信用管理暂行办法》第八条', years: [1, 3], sections: ['E'] },
  { authority: 'gusu.xyb', kind: 'COURT_DEFAULTER', authorityKind: AuthorityKind.COURT, authorityName: '苏州市姑苏区人民法院', reason: '拒不履行法院生效判决', basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', years: [2, 3], sections: null },
];

export const WATCH_REASONS: readonly ListReasonSpec[] = [
  { authority: 'gusu.scjgj', kind: 'ABNORMAL_OPERATION', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区市场监督管理局', reason: '列入经营异常名录', basis: '《企业经营异常名录管理暂行办法》第四条', years: [1, 1], sections: null },
  { authority: 'gusu.swj', kind: 'KEY_ATTENTION', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '国家税务总局苏州市姑苏区税务局', reason: '欠缴税款', basis: '《中华人民共和国税收征收管理法》第四十五条', years: [1, 2], sections: null },
  { authority: 'gusu.xyb', kind: 'KEY_ATTENTION', authorityKind: AuthorityKind.CREDIT_OFFICE, authorityName: '区信用办', reason: '一年内受到两次以上一般失信行政处罚', basis: '《江苏省社会信用条例》第三十一条', years: [1, 1], sections: null },
  { authority: 'gusu.xyb', kind: 'COMMITMENT_BREACH', authorityKind: AuthorityKind.CREDIT_OFFICE, authorityName: '区信用办', reason: '违反信用承诺', basis: '《国家发展改革委办公厅关于全面推行信用承诺制度的指导意见》', years: [1, 1], sections: null },
  { authority: 'gusu.xfjy', kind: 'KEY_ATTENTION', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区消防救援大队', reason: '消防安全重点关注对象', basis: '《消防安全领域信用管理暂行办法》第{art}条', years: [1, 2], sections: ['H', 'R', 'O', 'F'] },
];

export const RED_REASONS: readonly ListReasonSpec[] = [
  { authority: 'gusu.swj', kind: 'TAX_CREDIT_A', authorityKind: AuthorityKind.TAX, authorityName: '国家税务总局苏州市姑苏区税务局', reason: 'A级纳税人', basis: '《纳税信用管理办法》第二十四条', years: [1, 1], sections: null },
  { authority: 'gusu.scjgj', kind: 'LOCAL_TRUSTWORTHY', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区市场监督管理局', reason: '守合同重信用企业', basis: '《江苏省守合同重信用企业公示管理办法》第{art}条', years: [2, 2], sections: null },
  { authority: 'gusu.rsj', kind: 'LOCAL_TRUSTWORTHY', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区人力资源和社会保障局', reason: '劳动保障守法诚信示范单位', basis: '《江苏省劳动保障守法诚信等级评价办法》', years: [2, 3], sections: null },
  { authority: 'gusu.ajj', kind: 'LOCAL_TRUSTWORTHY', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区应急管理局', reason: '安全生产标准化一级企业', basis: '《企业安全生产标准化建设定级办法》第二十二条', years: [3, 3], sections: ['C', 'E', 'F', 'G'] },
  { authority: 'gusu.xyb', kind: 'LOCAL_TRUSTWORTHY', authorityKind: AuthorityKind.CREDIT_OFFICE, authorityName: '区信用办', reason: '姑苏区诚信示范商户', basis: '《姑苏区诚信示范街区（商户）创建工作方案》', years: [2, 2], sections: ['F', 'H', 'O'] },
  { authority: 'gusu.zjw', kind: 'LOCAL_TRUSTWORTHY', authorityKind: AuthorityKind.LOCAL_DEPARTMENT, authorityName: '姑苏区住房和城乡建设局', reason: '建筑业AAA级信用企业', basis: '《江苏省建筑业企业信用综合评价办法》', years: [1, 2], sections: ['E'] },
];

export const REPAIR_REASONS = [
  '已完成整改并全额缴纳罚款，申请信用修复',
  '违法行为已纠正，法定义务已全部履行，已作出信用修复承诺',
  '已履行法院生效判决，申请移出名单',
  '已补缴税款及滞纳金，申请信用修复',
  '已足额支付拖欠工资，申请信用修复',
  '已完成消防隐患整改并经复查合格，申请信用修复',
] as const;

export const LICENSE_REJECTIONS = [
  '统一社会信用代码校验位错误', '决定日期晚于报送日期', '许可证书编号为空', '行政相对人名称与统一社会信用代码不匹配',
] as const;
export const PENALTY_REJECTIONS = [
  '统一社会信用代码校验位错误', '缺少处罚依据', '决定日期晚于报送日期', '行政相对人名称与统一社会信用代码不匹配',
] as const;

/** Chinese numerals for article numbers (第{art}条). */
export const ARTICLE_NUMERALS = ['二', '三', '五', '六', '九', '十', '十一', '十二'] as const;

/** 信用承诺书 templates; each CommitmentKind appears at least once. */
export interface TemplateSpec {
  code: string;
  kind: CommitmentKind;
  title: string;
  matter: string;
  issuedBy: string;
  license: string | null; // a licence title signed for by 告知承诺
  sections: readonly IndustrySection[] | null;
  validYears: number | null;
}

export const TEMPLATES: readonly TemplateSpec[] = [
  { code: 'GS-CN-GZ-01', kind: CommitmentKind.APPROVAL_SUBSTITUTE, title: '住所（经营场所）使用证明告知承诺书', matter: '市场主体登记住所证明', issuedBy: 'gusu.scjgj', license: '营业执照', sections: null, validYears: 1 },
  { code: 'GS-CN-GZ-02', kind: CommitmentKind.APPROVAL_SUBSTITUTE, title: '食品经营许可告知承诺书', matter: '食品经营许可', issuedBy: 'gusu.scjgj', license: '食品经营许可证', sections: ['H', 'F'], validYears: 1 },
  { code: 'GS-CN-GZ-03', kind: CommitmentKind.APPROVAL_SUBSTITUTE, title: '公众聚集场所投入使用、营业消防安全告知承诺书', matter: '公众聚集场所投入使用、营业前消防安全检查', issuedBy: 'gusu.xfjy', license: '公众聚集场所投入使用、营业前消防安全检查合格证', sections: null, validYears: 1 },
  { code: 'GS-CN-ZD-01', kind: CommitmentKind.PROACTIVE, title: '市场主体主动型信用承诺书', matter: '主动公示信用承诺', issuedBy: 'gusu.xyb', license: null, sections: null, validYears: null },
  { code: 'GS-CN-ZD-02', kind: CommitmentKind.PROACTIVE, title: '诚信纳税承诺书', matter: '依法诚信纳税', issuedBy: 'gusu.swj', license: null, sections: null, validYears: 3 },
  { code: 'GS-CN-XF-01', kind: CommitmentKind.REPAIR, title: '信用修复承诺书', matter: '失信信息信用修复', issuedBy: 'gusu.xyb', license: null, sections: null, validYears: 1 },
  { code: 'GS-CN-ZL-01', kind: CommitmentKind.INDUSTRY_SELF_DISCIPLINE, title: '餐饮行业诚信经营自律承诺书', matter: '餐饮行业诚信经营', issuedBy: 'gusu.scjgj', license: null, sections: ['H'], validYears: 2 },
  { code: 'GS-CN-ZL-02', kind: CommitmentKind.INDUSTRY_SELF_DISCIPLINE, title: '物业服务企业诚信自律承诺书', matter: '物业服务诚信自律', issuedBy: 'gusu.zjw', license: null, sections: ['K'], validYears: 2 },
  { code: 'GS-CN-ZL-03', kind: CommitmentKind.INDUSTRY_SELF_DISCIPLINE, title: '诚信经营行业自律承诺书', matter: '诚信经营、公平竞争', issuedBy: 'gusu.scjgj', license: null, sections: null, validYears: 2 },
];

/** Body text shared by the templates: the undertakings every 承诺书 carries. */
export function templateText(title: string, matter: string): string {
  return `${title}：本单位（本人）就“${matter}”郑重承诺：所提交的材料真实、合法、有效；`
    + '严格遵守法律法规和行业规范，自觉接受行政机关、行业组织、社会公众和新闻舆论的监督；'
    + '如违反承诺，自愿承担相应法律责任，并同意将违诺情况记入信用记录、依法依规实施联合惩戒。';
}
