import { createSocket } from "node:dgram";
import dnsPacket from "dns-packet";

const NXDOMAIN = 3; // the response code in a DNS header's low four bits

/**
 * A local authoritative DNS server over UDP. `txt` maps a name to its TXT
 * records (each a list of chunks; an empty list answers "no data"); names in
 * `silent` get no answer at all (a timeout); any other name is NXDOMAIN.
 * Points HELPT_DNS_SERVER at itself until stopped.
 */
export async function startFakeDns() {
  const txt = new Map<string, string[][]>();
  const silent = new Set<string>();
  const queries: string[] = [];
  const socket = createSocket("udp4");

  socket.on("message", (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase();
    queries.push(name);
    if (silent.has(name)) return;
    const records = txt.get(name);
    const answers = question.type === "TXT" && records
      ? records.map((data) => ({ type: "TXT" as const, name: question.name, ttl: 60, data }))
      : [];
    const reply = dnsPacket.encode({
      type: "response",
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (records ? 0 : NXDOMAIN),
      questions: [question],
      answers,
    });
    socket.send(reply, peer.port, peer.address);
  });

  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const server = `127.0.0.1:${socket.address().port}`;
  process.env.HELPT_DNS_SERVER = server;
  return {
    txt,
    silent,
    queries,
    server,
    async stop() {
      delete process.env.HELPT_DNS_SERVER;
      await new Promise<void>((resolve) => socket.close(resolve));
    },
  };
}
