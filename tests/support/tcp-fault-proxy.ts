/**
 * A TCP proxy on loopback for network fault tests: clients connect to `proxy.port` and reach `target`.
 *
 * - pause(): a network pause. Nothing crosses in either direction, on open connections or new ones, yet
 *   every socket stays open (no FIN, no RST): the bytes wait in the kernel's buffers, as they would in
 *   TCP retransmissions, and flow again after resume().
 * - stall(): a silent stall for good, as when a NAT or firewall forgets a flow: the open connections go
 *   quiet for ever (still open, never resumed) while new connections work.
 * - cut(): resets every open connection.
 * - close(): stops listening and destroys everything.
 */
import net from "node:net";

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  /** Stalled for good: never resumed again. */
  dead: boolean;
}

export interface TcpFaultProxy {
  readonly port: number;
  readonly url: string;
  /** Connections opened through the proxy so far. */
  readonly accepted: number;
  /** Connections currently open. */
  readonly open: number;
  pause(): void;
  resume(): void;
  stall(): void;
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpFaultProxy(target: { host?: string; port: number }): Promise<TcpFaultProxy> {
  const links = new Set<Link>();
  let paused = false;
  let accepted = 0;

  const hold = (link: Link) => {
    link.client.pause();
    link.upstream.pause();
  };
  const flow = (link: Link) => {
    if (link.dead) return;
    link.client.resume();
    link.upstream.resume();
  };

  const server = net.createServer((client) => {
    accepted++;
    const upstream = net.connect({ host: target.host ?? "127.0.0.1", port: target.port });
    const link: Link = { client, upstream, dead: false };
    links.add(link);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    // Forwarding by hand rather than pipe(): pipe() resumes a source on 'drain', which would undo a pause.
    // A paused reader leaves the bytes in the kernel; the writer's side then fills up, as on a real link.
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on("data", (chunk: Buffer) => {
        if (to.write(chunk)) return;
        from.pause();
        to.once("drain", () => {
          if (!paused && !link.dead) from.resume();
        });
      });
      from.on("end", () => to.end());
    };
    forward(client, upstream);
    forward(upstream, client);
    const drop = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
    if (paused) hold(link);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    get open() {
      return links.size;
    },
    pause() {
      paused = true;
      for (const link of links) hold(link);
    },
    resume() {
      paused = false;
      for (const link of links) flow(link);
    },
    stall() {
      for (const link of links) {
        link.dead = true;
        hold(link);
      }
    },
    cut() {
      for (const link of [...links]) {
        link.client.resetAndDestroy();
        link.upstream.destroy();
        links.delete(link);
      }
    },
    async close() {
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      links.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
