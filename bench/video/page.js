// In the page, for both systems: reads the picture number the source carries in its pixels from
// every video canvas on each animation frame, and notes when each number first appears.
// The source (video.bench.ts, makeSource) draws two rows of 16 blocks of 80×80 px at the top of
// each 1280×720 picture: row one is the picture number in binary (bit k = block k, white = 1),
// row two its complement. A sample counts only when every block pair reads clearly opposite, so
// a half-decoded or smeared picture is skipped rather than misread.
// Installed as `globalThis.videoBench` in Vigil's page (an init script) and in the JSMpeg page.
/* global document, requestAnimationFrame */
(() => {
  const BITS = 16;
  const tiles = []; // per tile: { askedAt, firstAt, last, seen: Map<number, number> }
  let selector = null;
  let pending = -1;

  const tile = (i) => (tiles[i] ??= { askedAt: null, firstAt: null, last: -1, seen: new Map() });

  /**
   * The two rows of a WebGL canvas, copied right after each picture is drawn: a WebGL canvas
   * without preserveDrawingBuffer (JSMpeg's) cannot be read once the frame is composited.
   */
  const glRows = new WeakMap();

  /** Row one and row two of what the canvas shows now. */
  function rows(canvas) {
    const gl = glRows.get(canvas);
    if (gl) return gl;
    // No options: Vigil's player asks for the same default 2D context, which this must not change.
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    const h = canvas.height;
    return [ctx.getImageData(0, Math.floor((h * 40) / 720), canvas.width, 1).data, ctx.getImageData(0, Math.floor((h * 120) / 720), canvas.width, 1).data];
  }

  function readNumber(canvas) {
    const w = canvas.width;
    if (w < BITS || canvas.height < 8) return null;
    const r = rows(canvas);
    if (!r) return null;
    const [one, two] = r;
    let n = 0;
    for (let k = 0; k < BITS; k++) {
      const x = Math.floor(((k + 0.5) * w) / BITS) * 4;
      const a = (one[x] + one[x + 1] + one[x + 2]) / 3;
      const b = (two[x] + two[x + 1] + two[x + 2]) / 3;
      if (a > 150 && b < 105) n |= 1 << k;
      else if (!(a < 105 && b > 150)) return null;
    }
    return n;
  }

  /** After each render of a JSMpeg WebGL renderer, copy the two rows (2 × width pixels, cheap). */
  function watchGl(renderer, canvas) {
    const gl = renderer.gl;
    const render = renderer.render.bind(renderer);
    renderer.render = (...args) => {
      render(...args);
      const w = canvas.width;
      const h = canvas.height;
      const one = new Uint8Array(w * 4);
      const two = new Uint8Array(w * 4);
      // WebGL rows count from the bottom.
      gl.readPixels(0, h - 1 - Math.floor((h * 40) / 720), w, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
      gl.readPixels(0, h - 1 - Math.floor((h * 120) / 720), w, 1, gl.RGBA, gl.UNSIGNED_BYTE, two);
      glRows.set(canvas, [one, two]);
    };
  }

  function tick() {
    if (selector) {
      const now = Date.now();
      const canvases = document.querySelectorAll(selector);
      for (let i = 0; i < canvases.length; i++) {
        let n;
        try {
          n = readNumber(canvases[i]);
        } catch {
          n = null;
        }
        if (n === null) continue;
        const t = tile(i);
        if (t.firstAt === null) t.firstAt = now;
        if (n !== t.last) {
          t.last = n;
          if (!t.seen.has(n)) t.seen.set(n, now);
        }
      }
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);

  // Vigil: the moment the operator presses Enter on a camera row is when the tile was asked.
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && pending >= 0) {
        tile(pending).askedAt = Date.now();
        pending = -1;
      }
    },
    true,
  );

  globalThis.videoBench = {
    /** Start watching the canvases matching this selector (tile i = the i-th match). */
    watch(sel) {
      selector = sel;
    },
    /** The next Enter asks tile i for a camera. */
    expect(i) {
      pending = i;
    },
    asked(i) {
      tile(i).askedAt = Date.now();
    },
    firstFrames() {
      return tiles.map((t) => (t && t.askedAt !== null && t.firstAt !== null ? t.firstAt - t.askedAt : null));
    },
    started() {
      return tiles.filter((t) => t && t.firstAt !== null).length;
    },
    /** Per tile: [picture number, first seen (epoch ms)] seen between from and to. */
    shown(from, to) {
      return tiles.map((t) => (t ? [...t.seen].filter(([, at]) => at >= from && at < to) : []));
    },
    /** JSMpeg's page: one player per canvas, as node-rtsp-stream's README shows. */
    play(urls) {
      const side = Math.ceil(Math.sqrt(urls.length));
      const grid = document.getElementById('grid');
      grid.style.gridTemplateColumns = `repeat(${side}, 1fr)`;
      grid.style.gridTemplateRows = `repeat(${side}, 1fr)`;
      const players = [];
      urls.forEach((url, i) => {
        const canvas = document.createElement('canvas');
        canvas.className = 'jsmpeg';
        grid.appendChild(canvas);
        tile(i).askedAt = Date.now();
        const player = new globalThis.JSMpeg.Player(url, { canvas });
        if (player.renderer && player.renderer.gl) watchGl(player.renderer, canvas);
        players.push(player);
      });
      globalThis.players = players;
      return players.map((p) => (p.renderer && p.renderer.gl ? 'webgl' : '2d'));
    },
  };
})();
