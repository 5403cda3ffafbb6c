// Open-loop load at a steady rate, for latency: "p99 at half load" must mean requests arriving at
// half the rate a server can take, each timed from when it was due. autocannon cannot measure
// that: with overallRate each connection sends its share of a second back to back and then waits
// for the next second (so the server sees full load half the time), and its histogram counts whole
// milliseconds (a p99 of 2 vs 4 ms says little).
//
// Here a 1 ms tick makes due the requests of the time that passed; each goes out on the first idle
// keep-alive connection, and its latency counts from the tick that made it due, so a stall in the
// server also counts against every request that waited behind it for a connection (no coordinated
// omission). Responses are read just far enough to know where they end (Content-Length), which
// keeps the generator's own cost small beside the servers' on a shared machine.
import net from 'node:net';

export interface PacedLoad {
  port: number;
  /** Requests per second. */
  rate: number;
  /** Measured time, after `warmupSeconds` at the same rate whose latencies are not kept (new connections, the generator's own JIT). */
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** The bytes of the next request (a fresh signature each time, say). */
  request: () => string;
}

export interface PacedResult {
  /** Requests answered after the warm-up (their latencies are the ones measured). */
  completed: number;
  /** Requests still unanswered or not sent when the time was up: the server fell behind. */
  behind: number;
  non2xx: number;
  errors: number;
  /** Latencies in ms, from when each request was due. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const TICK_MS = 1;
const HEAD_END = Buffer.from('\r\n\r\n');
const DRAIN_MS = 2000;

export async function pacedLoad(options: PacedLoad): Promise<PacedResult> {
  const latencies = new Float64Array(Math.ceil(options.rate * options.seconds) + 16);
  let completed = 0;
  /** Answers to warm-up requests (due before `measuredFrom`), not timed. */
  let warmupAnswers = 0;
  let measuredFrom = Infinity;
  let non2xx = 0;
  let errors = 0;
  /** When each request made due and not yet sent was made due (a FIFO as a growing array). */
  const due: number[] = [];
  let dueHead = 0;
  const idle: Connection[] = [];

  const dispatch = () => {
    while (dueHead < due.length && idle.length > 0) idle.pop()!.send(due[dueHead++], options.request());
    if (dueHead > 4096 && dueHead === due.length) {
      due.length = 0;
      dueHead = 0;
    }
  };
  const onAnswer = (connection: Connection, dueAt: number, status: number) => {
    if (status < 200 || status > 299) non2xx++;
    if (dueAt < measuredFrom) warmupAnswers++;
    else {
      if (completed < latencies.length) latencies[completed] = performance.now() - dueAt;
      completed++;
    }
    idle.push(connection);
    dispatch();
  };
  const onError = () => {
    errors++;
  };

  const connections = await Promise.all(Array.from({ length: options.connections }, () => Connection.open(options.port, onAnswer, onError)));
  idle.push(...connections);

  const started = performance.now();
  measuredFrom = started + options.warmupSeconds * 1000;
  const warmup = Math.floor(options.rate * options.warmupSeconds);
  const total = warmup + Math.floor(options.rate * options.seconds);
  let made = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      const shouldHave = Math.min(total, Math.floor(((now - started) / 1000) * options.rate));
      for (; made < shouldHave; made++) due.push(now);
      dispatch();
      if (made >= total) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  // A moment for the last ticks' requests; what is still unanswered after it counts as behind.
  const drainUntil = performance.now() + DRAIN_MS;
  while (warmupAnswers + completed < total && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  const behind = total - warmupAnswers - completed;
  for (const connection of connections) connection.close();

  const measured = latencies.subarray(0, Math.min(completed, latencies.length)).sort();
  const at = (q: number) => (measured.length === 0 ? NaN : measured[Math.min(measured.length - 1, Math.floor(q * measured.length))]);
  return { completed, behind, non2xx, errors, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: measured.length === 0 ? NaN : measured[measured.length - 1] };
}

/** One keep-alive connection with at most one request in flight; reads each answer's head and skips its body. */
class Connection {
  private pending: Buffer | undefined;
  /** Bytes the answer being read takes in `pending`, once its head is read; -1 before. */
  private answerBytes = -1;
  private status = 0;
  private dueAt = 0;

  private constructor(
    private readonly socket: net.Socket,
    private readonly onAnswer: (connection: Connection, dueAt: number, status: number) => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  static open(port: number, onAnswer: Connection['onAnswer'], onError: () => void): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
      socket.once('connect', () => {
        socket.off('error', reject);
        socket.on('error', onError);
        resolve(new Connection(socket, onAnswer));
      });
      socket.once('error', reject);
    });
  }

  send(dueAt: number, request: string): void {
    this.dueAt = dueAt;
    this.socket.write(request, 'latin1');
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    let pending = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (this.answerBytes < 0) {
        const headEnd = pending.indexOf(HEAD_END);
        if (headEnd === -1) break;
        // `HTTP/1.1 200 OK`: the status is bytes 9-11.
        this.status = (pending[9] - 48) * 100 + (pending[10] - 48) * 10 + (pending[11] - 48);
        this.answerBytes = headEnd + 4 + contentLength(pending, headEnd);
      }
      if (pending.length < this.answerBytes) break;
      const rest = pending.subarray(this.answerBytes);
      this.answerBytes = -1;
      this.onAnswer(this, this.dueAt, this.status);
      if (rest.length === 0) {
        this.pending = undefined;
        return;
      }
      pending = rest;
    }
    this.pending = pending;
  }
}

/** The Content-Length of an answer whose head ends at `headEnd`; read from the bytes, as this runs for every answer. */
function contentLength(answer: Buffer, headEnd: number): number {
  let at = answer.indexOf('\r\nContent-Length:');
  if (at === -1 || at > headEnd) at = answer.indexOf('\r\ncontent-length:');
  if (at === -1 || at > headEnd) {
    // Every answer in this benchmark has a length; anything else would be timed wrong.
    const head = answer.toString('latin1', 0, headEnd);
    const match = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
    if (!match) throw new Error(`paced load: an answer without Content-Length:\n${head}`);
    return Number(match[1]);
  }
  let i = at + 17;
  while (answer[i] === 32 || answer[i] === 9) i++;
  let length = 0;
  for (; answer[i] >= 48 && answer[i] <= 57; i++) length = length * 10 + (answer[i] - 48);
  return length;
}
