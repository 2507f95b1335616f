import type { Client } from "discord.js";

type PacketHandler = (packet: unknown, shard: unknown) => unknown;

/**
 * discord.js builds its Interaction and Message objects inside the gateway's message handler; a malformed
 * dispatch (an interaction without `data`, `options` that are not a list) throws there, and the throw becomes an
 * unhandled rejection that would end the process. This wraps that one internal step (WebSocketManager#handlePacket,
 * private but stable across v14) so such a packet is reported and dropped, and the bot carries on.
 */
export function guardPacketHandling(client: Client, onError: (error: unknown, where: string) => void): void {
  const manager = client.ws as unknown as { handlePacket?: PacketHandler };
  const original = manager.handlePacket;
  if (typeof original !== "function") return;
  manager.handlePacket = function guardedHandlePacket(this: unknown, packet: unknown, shard: unknown) {
    try {
      return original.call(this, packet, shard);
    } catch (error) {
      const event = (packet as { t?: unknown } | null)?.t;
      onError(error, `gateway dispatch ${typeof event === "string" ? event : "?"} (dropped)`);
      return false;
    }
  };
}
