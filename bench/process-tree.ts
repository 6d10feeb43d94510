/**
 * Runs a command and measures it the way the benchmark needs: wall time and the peak
 * memory of the whole process tree. A build spawns workers and helpers (npm → sh →
 * astro → esbuild, pagefind …), so the maximum RSS of one child says little; instead the
 * resident memory (VmRSS in /proc/<pid>/status) of the process and all its descendants
 * is summed every ~50 ms, and the largest sum is the peak. Linux only (/proc).
 *
 * It also records how much CPU other processes used meanwhile (all CPU time of the
 * machine from /proc/stat minus the tree's own), since other work skews the wall time.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Parent pid of every running process, from /proc/<pid>/stat. */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …"; comm may itself contain spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(pid, ppid);
    } catch {
      // the process ended while we were looking
    }
  }
  return parents;
}

/** CPU time the process has used itself (user + system), in clock ticks; 0 if it has ended. */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Busy CPU time of the whole machine, in clock ticks (first line of /proc/stat). */
export function machineBusyTicks(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return user! + nice! + system! + irq! + softirq! + (steal ?? 0);
}

/** Clock ticks per second of /proc (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The process and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentPids()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Resident memory of one process in bytes (0 if it has ended or is a zombie). */
export function rssBytes(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface TreeMemory {
  /** Largest summed RSS of the process and all its descendants seen in one sample. */
  peakBytes: number;
  /** Largest RSS of the root process alone. */
  rootPeakBytes: number;
  /** CPU time of the tree in ticks: per process the last value seen (short-lived helpers may be missed). */
  cpuTicks: number;
  samples: number;
}

/** Samples the memory of a process tree until stop() is called. */
export function sampleTreeMemory(root: number, intervalMs = 50): { stop(): TreeMemory } {
  const result: TreeMemory = { peakBytes: 0, rootPeakBytes: 0, cpuTicks: 0, samples: 0 };
  const cpu = new Map<number, number>();
  const sample = () => {
    const tree = processTree(root);
    const total = tree.reduce((sum, pid) => sum + rssBytes(pid), 0);
    for (const pid of tree) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuTicks(pid)));
    result.peakBytes = Math.max(result.peakBytes, total);
    result.rootPeakBytes = Math.max(result.rootPeakBytes, rssBytes(root));
    result.samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      result.cpuTicks = [...cpu.values()].reduce((a, b) => a + b, 0);
      return result;
    },
  };
}

export interface MeasuredRun extends TreeMemory {
  wallMs: number;
  /** CPU cores that other processes kept busy on average during the run. */
  otherCores: number;
  exitCode: number | null;
  timedOut: boolean;
  /** The last lines of stdout and stderr, for error messages. */
  tail: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Everything the command prints goes to this file. */
  logFile?: string;
  /** The whole process group is killed after this many milliseconds. */
  timeoutMs?: number;
}

/** Runs a command in its own process group and measures wall time and peak tree memory. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<MeasuredRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const busyBefore = machineBusyTicks();
    const ownBefore = process.cpuUsage();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid === undefined) {
      child.once('error', reject);
      return;
    }
    const sampler = sampleTreeMemory(child.pid);
    let log: ReturnType<typeof createWriteStream> | undefined;
    if (options.logFile) {
      mkdirSync(dirname(options.logFile), { recursive: true });
      log = createWriteStream(options.logFile);
    }
    let tail = '';
    const collect = (chunk: Buffer) => {
      log?.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, options.timeoutMs)
      : undefined;
    child.once('error', reject);
    child.once('close', (exitCode) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      const memory = sampler.stop();
      // the sampling in this process is not "other" work either
      const own = process.cpuUsage(ownBefore);
      const ownTicks = ((own.user + own.system) / 1e6) * TICKS_PER_SECOND;
      const otherTicks = Math.max(0, machineBusyTicks() - busyBefore - memory.cpuTicks - ownTicks);
      log?.end();
      resolvePromise({ ...memory, wallMs, otherCores: otherTicks / TICKS_PER_SECOND / (wallMs / 1000), exitCode, timedOut, tail });
    });
  });
}
