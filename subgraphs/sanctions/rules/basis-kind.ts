/**
 * 措施依据层级. 国办发〔2020〕49号 requires a punishment to rest on a law, a regulation
 * or a policy document of the CPC Central Committee and the State Council; a district
 * document is none of these (docs/rules/authority-and-lists.md).
 */
export enum BasisKind {
  LAW = 'LAW', // 法律
  ADMINISTRATIVE_REGULATION = 'ADMINISTRATIVE_REGULATION', // 行政法规
  LOCAL_REGULATION = 'LOCAL_REGULATION', // 地方性法规
  JUDICIAL_INTERPRETATION = 'JUDICIAL_INTERPRETATION', // 司法解释
  CENTRAL_POLICY = 'CENTRAL_POLICY', // 党中央、国务院政策文件
}
