import { registerEnumType } from 'type-graphql';

/** 接收方类别: a city or provincial credit platform (市/省信用平台), or a district department (§15). */
export enum ReceiverKind {
  PLATFORM = 'PLATFORM',
  DEPARTMENT = 'DEPARTMENT',
}

/** 共享信息类别 as the catalogue names them: EXCHANGE_RECORD_KINDS of shared/exchange/record-snapshot.ts. */
export enum RecordKind {
  PENALTY = 'PENALTY',
  LICENSE = 'LICENSE',
  LIST_ENTRY = 'LIST_ENTRY',
}

/** What a feed entry is about: a catalogued record, or a watched subject's screening. */
export enum FeedTopic {
  RECORD = 'RECORD',
  SCREENING = 'SCREENING',
}

/** UPSERT: hold this version of the record; WITHDRAW: stop holding it (停止共享); SCREENING: a watched subject's verdict changed. */
export enum FeedOperation {
  UPSERT = 'UPSERT',
  WITHDRAW = 'WITHDRAW',
  SCREENING = 'SCREENING',
}

export enum RecordStateValue {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
}

/** 变更类别 of the exchange's audit trail (exchange_change). */
export enum ExchangeAction {
  CATALOGUE_PUBLISHED = 'CATALOGUE_PUBLISHED',
  RECEIVER_REGISTERED = 'RECEIVER_REGISTERED',
  RECEIVER_UPDATED = 'RECEIVER_UPDATED',
}

registerEnumType(ReceiverKind, {
  name: 'ReceiverKind',
  description: '接收方类别: PLATFORM 市/省公共信用信息平台, DEPARTMENT 区级部门 (§15 由区信用办汇总后推送各单位)',
});
registerEnumType(RecordKind, {
  name: 'ExchangeRecordKind',
  description: '共享信息类别: PENALTY 行政处罚, LICENSE 行政许可, LIST_ENTRY 红黑名单条目',
});
registerEnumType(FeedTopic, {
  name: 'FeedTopic',
  description: '变更主题: RECORD 共享信息, SCREENING 监测主体比对结果',
});
registerEnumType(FeedOperation, {
  name: 'FeedOperation',
  description: '操作: UPSERT 新增或更新, WITHDRAW 撤回 (停止共享), SCREENING 比对结果变化',
});
registerEnumType(ExchangeAction, {
  name: 'ExchangeAction',
  description: '共享交换变更类别: 发布目录 / 登记接收方 / 变更接收方',
});
