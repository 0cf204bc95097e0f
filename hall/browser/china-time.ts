/** Dates and instants as /hall/my shows them, in China time whatever the browser's zone. */
export const chinaDate = (instant: string | Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));

export const chinaTime = (instant: string): string =>
  new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
