// node-rtsp-stream as its README shows it, one `new Stream(...)` per camera, in a process of its
// own so the benchmark can measure its CPU (this node process and the ffmpeg it spawns per stream).
// Usage: node nrs-server.mjs PORT=RTSP_URL… Prints "READY" once every stream's WebSocket server
// listens; stops its streams (and so their ffmpeg) on SIGTERM or when stdin closes.
import Stream from 'node-rtsp-stream';

const streams = process.argv.slice(2).map((spec, i) => {
  const at = spec.indexOf('=');
  return new Stream({
    name: `camera-${i}`,
    streamUrl: spec.slice(at + 1),
    wsPort: Number(spec.slice(0, at)),
    // As in the README (which shows '-r': 30), at the cameras' 25 pictures per second.
    ffmpegOptions: { '-stats': '', '-r': 25 },
  });
});

let stopped = false;
function stop() {
  if (stopped) return;
  stopped = true;
  for (const s of streams) {
    try {
      s.stop();
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(0), 200);
}
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();

Promise.all(streams.map((s) => new Promise((resolve) => (s.wsServer.address() ? resolve() : s.wsServer.once('listening', resolve))))).then(() => {
  process.stdout.write('READY\n');
});
