/** The one error hierarchy: only real failures throw; expected outcomes are values. */
export class Dom0Error extends Error {
  override readonly name: string = "Dom0Error";
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A data file is missing, not JSON, or breaks the schema: start-up stops with file, path and reason. */
export class DatasetError extends Dom0Error {
  override readonly name = "DatasetError";
  constructor(
    readonly file: string,
    readonly issues: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(
      "E_DATASET",
      `Bad data file ${file}:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`,
      options,
    );
  }
}

/** A missing or malformed environment variable: the message names the variable and how to get its value. */
export class ConfigError extends Dom0Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super("E_CONFIG", message);
  }
}
