/** HTTP mode's part of a graceful stop: requests already received are answered, then their connections close. */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface HttpDrain {
  /** A 'request' listener for the server: remembers the responses not yet sent. */
  onRequest(req: IncomingMessage, res: ServerResponse): void;
  /**
   * From now on every response, those pending included, closes its connection once sent. Without this a
   * kept-alive connection (Slack's, or a load balancer's) holds `server.close()` open for its idle timeout.
   */
  closeConnectionsAfterResponses(): void;
}

export function createHttpDrain(): HttpDrain {
  const pending = new Set<ServerResponse>();
  let closing = false;
  const forget = function (this: ServerResponse) {
    pending.delete(this);
  };
  return {
    onRequest(_req, res) {
      if (closing) {
        res.setHeader("connection", "close");
        return;
      }
      pending.add(res);
      res.once("close", forget);
    },
    closeConnectionsAfterResponses() {
      closing = true;
      for (const res of pending) if (!res.headersSent) res.setHeader("connection", "close");
      pending.clear();
    },
  };
}
