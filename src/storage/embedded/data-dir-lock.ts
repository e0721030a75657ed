import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../../domain/errors';

/** Data directories locked by this process (a second open in the same process is refused too). */
const lockedHere = new Set<string>();

const LOCK_FILE = '.lock';
const MAX_TAKEOVER_ATTEMPTS = 5;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await fs.readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function lockedError(dir: string, pid: number): AppError {
  return new AppError(
    ErrorCode.StoreLocked,
    `The data directory ${dir} is in use by process ${pid}. Only one Lotse process may use an embedded store; ` +
      `stop the other process, choose another DATA_DIR, or set MONGODB_URI to run several instances. ` +
      `If no such process runs, delete ${path.join(dir, LOCK_FILE)}.`,
    { pid },
  );
}

/**
 * The lock file `<dir>/.lock` holding the owner's pid, created with O_EXCL. A lock left behind by a
 * dead process is taken over; one held by a live process (or by this process) is refused with
 * AppError `STORE_LOCKED`.
 */
export class DataDirLock {
  private released = false;

  private constructor(
    private readonly dir: string,
    private readonly file: string,
  ) {}

  static async acquire(dir: string): Promise<DataDirLock> {
    const realDir = await fs.realpath(dir);
    if (lockedHere.has(realDir)) throw lockedError(realDir, process.pid);
    const file = path.join(realDir, LOCK_FILE);
    for (let attempt = 0; attempt < MAX_TAKEOVER_ATTEMPTS; attempt += 1) {
      try {
        const handle = await fs.open(file, 'wx', 0o644);
        try {
          await handle.writeFile(`${process.pid}\n`);
        } finally {
          await handle.close();
        }
        lockedHere.add(realDir);
        return new DataDirLock(realDir, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readPid(file);
      if (owner !== null && owner !== process.pid && isAlive(owner)) throw lockedError(realDir, owner);
      // Stale (dead owner, unreadable, or our own pid left by an earlier process): take it over.
      await fs.rm(file, { force: true });
    }
    throw new AppError(ErrorCode.StoreLocked, `Could not take over the lock of the data directory ${realDir}.`);
  }

  /** Removes the lock file if it is still ours; idempotent. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    lockedHere.delete(this.dir);
    if ((await readPid(this.file)) === process.pid) await fs.rm(this.file, { force: true });
  }
}
