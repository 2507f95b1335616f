import { Writable } from "node:stream";

/** A parsed log line: the fields tests look at, and whatever else was logged. */
export interface LogLine {
  level?: number;
  msg?: string;
  path?: string;
  reason?: string;
  question?: string;
  token?: unknown;
  config?: unknown;
  [field: string]: unknown;
}

/** A stream that keeps every line written to it, for asserting on log output. */
export class LineCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(
      ...chunk
        .toString("utf8")
        .split("\n")
        .filter((line) => line.length > 0),
    );
    done();
  }
  get text(): string {
    return this.lines.join("\n");
  }
  json(): LogLine[] {
    return this.lines.map((line) => JSON.parse(line) as LogLine);
  }
}
