/** 申请渠道 of a repair case. */
export enum RepairChannel {
  /** 线下窗口: taken in person at the service hall's window (identity checked there). */
  WINDOW = 'WINDOW',
  /** 线上申请: filed by the subject itself, signed in as the subject. */
  ONLINE = 'ONLINE',
  /** 部门代录: recorded by the handling department or the credit office on the applicant's behalf. */
  DEPARTMENT = 'DEPARTMENT',
}

/** 到场人身份 at the window. */
export enum ApplicantCapacity {
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE', // 法定代表人 (负责人)
  PERSON = 'PERSON', // 本人 (自然人主体)
  AGENT = 'AGENT', // 受托代理人 (凭授权委托书)
}
