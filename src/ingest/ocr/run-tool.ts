// Runs one external tool (tesseract, pdftoppm) with a time limit and a bound on what it may print, and turns its
// failure into a VigilError that names the file, the tool and the first line it wrote on stderr that says why.
import { execFile } from 'node:child_process';
import { VigilError } from '../../errors.js';

export interface ToolLimits {
  /** Wall-clock time one call may take; the tool is killed after it. */
  timeoutMs: number;
  /** Bytes the tool may write on stdout or stderr. */
  maxOutputBytes: number;
}

export interface ToolRun {
  /** The file the tool works on, first in every error message. */
  subject: string;
  /** What the call does, for messages: "reading page 3". */
  doing: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

/** The tool is not installed (or not on PATH). */
export class ToolMissing extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed`);
  }
}

/** Lines tesseract and poppler write on every run, which say nothing about a failure. */
const chatter = /^(Estimating resolution as|Warning: Invalid resolution|Detected \d+ diacritics|Page \d+|Tesseract Open Source OCR Engine)/i;

/** The first line of stderr that explains a failure: a line naming an error if there is one, else the first line. */
export function stderrReason(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0 && !chatter.test(line));
  const line = lines.find((l) => /error|fail|cannot|can't|unable|invalid|unknown|not /i.test(l)) ?? lines[0] ?? 'no message';
  return line.length > 200 ? line.slice(0, 200) + '…' : line;
}

export function runTool(tool: string, args: readonly string[], limits: ToolLimits, run: ToolRun): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      { cwd: run.cwd, env: run.env, timeout: limits.timeoutMs, killSignal: 'SIGKILL', maxBuffer: limits.maxOutputBytes, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code as string | number | undefined;
        if (code === 'ENOENT') return reject(new ToolMissing(tool));
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new VigilError('input', 'ingest.ocr-failed', `${run.subject}: ${tool} wrote more than ${limits.maxOutputBytes} bytes while ${run.doing}; stopped`, { cause: error }));
        }
        if (error.killed || (error as { signal?: string | null }).signal === 'SIGKILL') {
          return reject(new VigilError('input', 'ingest.ocr-timeout', `${run.subject}: ${tool} took longer than ${limits.timeoutMs / 1000} s while ${run.doing}; stopped`, { cause: error }));
        }
        const status = typeof code === 'number' ? `exit ${code}` : String(code ?? (error as { signal?: string }).signal ?? 'failed');
        reject(new VigilError('input', 'ingest.ocr-failed', `${run.subject}: ${tool} failed (${status}) while ${run.doing}: ${stderrReason(stderr)}`, { cause: error }));
      },
    );
  });
}
