import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The bench's own child process running `entry` (the system starts each service as a child). */
export function childPid(entry: string, parent = process.pid): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(entry)) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no child process runs ${entry}`);
}

/** Resident memory of a process in MB: now (VmRSS) or at its peak (VmHWM). */
export function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round(kb / 1024);
}

/** Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current resident size. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds so far of each PostgreSQL server process on the machine (the server forks one per connection), by pid;
 * with `database`, only the backends connected to it (their title names it): on a shared server, not others' work,
 * nor the shared WAL writer and checkpointer.
 */
export function postgresCpuSeconds(database?: string): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue;
      if (database === undefined || readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(` ${database} `))
        seconds.set(Number(name), cpuSeconds(Number(name)));
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}

/** CPU seconds PostgreSQL spent between two readings; a server process that ended meanwhile is not counted. */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
