import { byId } from './dom';
import { graphql, HALL_ENDPOINT } from './graphql-client';
import { MyCreditReport, OWN_CREDIT_REPORT } from './operations';

/**
 * 下载我的信用报告 (/hall/my): issues the signed-in subject's own 公共信用信息报告 as itself
 * (issueMyCreditReport) and downloads the stored PDF from its downloadUrl, which the hall serves to
 * the same session (creditReportDocument: the subject's own report only).
 */
const button = byId<HTMLButtonElement>('my-report-download');
const purpose = byId<HTMLInputElement>('my-report-purpose');
const status = byId('my-report-status');

button.addEventListener('click', () => void issueAndDownload());

async function issueAndDownload(): Promise<void> {
  button.disabled = true;
  status.className = '';
  status.textContent = '正在出具信用报告…';
  const answer = await graphql<{ issueMyCreditReport: MyCreditReport | null }>(HALL_ENDPOINT, OWN_CREDIT_REPORT, {
    purpose: purpose.value.trim() === '' ? null : purpose.value.trim(),
  });
  button.disabled = false;
  const report = answer.data?.issueMyCreditReport;
  if (!report) {
    status.className = 'error';
    status.textContent =
      answer.status === 401
        ? '登录已过期，请重新登录。'
        : `未能出具信用报告：${answer.errors[0]?.message ?? `HTTP ${answer.status}`}`;
    return;
  }
  const link = document.createElement('a');
  link.href = report.downloadUrl;
  link.download = `${report.number}.pdf`;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  status.textContent = `已出具并下载 ${report.number}.pdf（核验码 ${report.verificationCode}，有效期至 ${report.validUntil}）`;
  status.dataset.number = report.number;
}
