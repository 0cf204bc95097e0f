/**
 * 报送渠道 (§6: 推进公共信用信息系统与各单位业务系统对接，提高接口调用方式的比例): how a submission
 * arrived. The gateway derives it from the credential and the path of the request
 * (gateway/auth/submission-channel.ts) and signs it into the principal; nothing a client sends can raise it.
 */
export enum SubmissionChannel {
  /** 接口调用: a department's system calling the API with a service token. */
  INTERFACE = 'INTERFACE',
  /** 文件报送: a system's file uploaded through the ingest service (POST /ingest/…). */
  FILE = 'FILE',
  /** 人工录入: a person signed in through the identity provider (the hall pages, GraphiQL). */
  MANUAL = 'MANUAL',
  /** 未记录: reported before the channel was recorded (the rows of Migration20261203140900). */
  UNKNOWN = 'UNKNOWN',
}

/** The channels a request can arrive by (UNKNOWN is only the past's). */
export type ArrivalChannel = SubmissionChannel.INTERFACE | SubmissionChannel.FILE | SubmissionChannel.MANUAL;

const ARRIVAL: readonly string[] = [SubmissionChannel.INTERFACE, SubmissionChannel.FILE, SubmissionChannel.MANUAL];

export function isArrivalChannel(value: unknown): value is ArrivalChannel {
  return typeof value === 'string' && ARRIVAL.includes(value);
}
