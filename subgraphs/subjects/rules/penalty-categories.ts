/**
 * 处罚类别: the kinds of administrative penalty of 《行政处罚法》(2021) 第九条,
 * with 吊销营业执照 (a 吊销许可证件 named as provincial templates name it) and
 * 其他 (法律、行政法规规定的其他行政处罚).
 */
export const PENALTY_CATEGORIES: readonly string[] = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '吊销营业执照',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
];

/** Categories that need an amount: 罚款 needs 罚款金额. */
export const FINE_CATEGORY = '罚款';
