import type { StreetGazetteerRow } from './street';

/**
 * The default street gazetteer: the roads the demo data uses, each with the 街道 of 姑苏区 where most of
 * it lies. 姑苏区 has eight 街道 (双塔、金阊、平江、沧浪、吴门桥、白洋湾、虎丘、苏锦). A road that crosses
 * two is given to one, so this is a starting table: the credit office replaces it with the 区民政局's
 * 地名库 (door-number ranges), which this platform does not have. The migration that creates
 * subjects.street_gazetteer inserts these rows; the table, not this file, is what runs.
 */
const SOURCE = '演示地名表 (road → 街道 by where most of the road lies; to be replaced by 区民政局 地名库)';

const ROADS: Record<string, readonly string[]> = {
  平江街道: [
    '平江路',
    '观前街',
    '临顿路',
    '大儒巷',
    '钮家巷',
    '仓街',
    '齐门路',
    '白塔东路',
    '白塔西路',
    '西北街',
    '干将东路',
  ],
  双塔街道: ['人民路', '十全街', '凤凰街', '十梓街', '竹辉路'],
  沧浪街道: ['干将西路', '道前街', '养育巷', '学士街', '三香路', '东大街'],
  吴门桥街道: ['南门路'],
  金阊街道: ['石路', '阊胥路', '广济路', '留园路', '西中市', '东中市', '景德路', '桃花坞大街', '金门路'],
  虎丘街道: ['山塘街', '虎丘路'],
  苏锦街道: ['苏站路'],
  白洋湾街道: ['新市路'],
};

export const DEFAULT_STREET_GAZETTEER: readonly StreetGazetteerRow[] = Object.entries(ROADS).flatMap(
  ([street, roads]) => roads.map((road) => ({ road, street, source: SOURCE })),
);
