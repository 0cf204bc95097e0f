/** 信用承诺操作: what a history row records. */
export enum CommitmentAction {
  SIGN = 'SIGN', // 签署 (受理部门记录)
  FULFIL = 'FULFIL', // 履约
  BREACH = 'BREACH', // 违诺
  WITHDRAW = 'WITHDRAW', // 撤回
}

/** The actions that end a commitment in effect. */
export type ClosingAction = Exclude<CommitmentAction, CommitmentAction.SIGN>;
