// The STANAG 4609 test files (test/support/klv-fixtures.ts) checked by someone else's tools:
// Debian's ffprobe must see the video and a KLV data stream, ffmpeg must take out exactly the KLV
// packets Vigil put in and decode every picture; and Vigil's demuxer must read the files ffmpeg
// writes when it remuxes them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '../../electron/shared/video/bytes';
import { TsDemuxer, type TsEvent } from '../../electron/shared/video/mpegts/demuxer';
import { ffmpegFrameMd5s } from '../support/ffmpeg-clips';
import { encodeFixtureVideo, FIXTURE_FIRST_PTS, fixtureKlv, writeKlvFixture, type KlvFixtureSpec } from '../support/klv-fixtures';
import { useTempDirs } from '../support/temp';

const haveFfmpeg = spawnSync('ffprobe', ['-version']).status === 0 && spawnSync('ffmpeg', ['-version']).status === 0;
const FRAMES = 60;

type ProbeStream = { codec_type: string; codec_name: string; codec_tag_string: string; width?: number; height?: number };

function streamsOf(file: string): ProbeStream[] {
  return (JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as { streams: ProbeStream[] }).streams;
}

function demuxFile(file: string): TsEvent[] {
  const d = new TsDemuxer();
  return [...d.push(new Uint8Array(fs.readFileSync(file))), ...d.flush()];
}

describe.skipIf(!haveFfmpeg).each(['sync', 'async'] as const)('fixture with %s KLV', (carriage) => {
  const temp = useTempDirs('all');
  let dir: string;
  let file: string;
  const spec: KlvFixtureSpec = { carriage, frames: FRAMES };
  beforeAll(() => {
    dir = temp();
    file = writeKlvFixture(dir, spec);
  });

  it('ffprobe recognises the H.264 video and the KLV data stream', () => {
    const streams = streamsOf(file);
    expect(streams).toHaveLength(2);
    expect(streams[0]).toMatchObject({ codec_type: 'video', codec_name: 'h264', width: 320, height: 240 });
    expect(streams[1]).toMatchObject({ codec_type: 'data', codec_name: 'klv', codec_tag_string: 'KLVA' });
  });

  it('ffmpeg takes out exactly the KLV packets that went in', () => {
    const extracted = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:d:0', '-c', 'copy', '-f', 'data', '-'], { maxBuffer: 16 * 1024 * 1024 });
    expect(new Uint8Array(extracted)).toEqual(concatBytes(fixtureKlv(spec).map((k) => k.data)));
  });

  it('ffmpeg decodes every picture, identical to decoding the raw H.264', () => {
    expect(ffmpegFrameMd5s(file)).toEqual(ffmpegFrameMd5s(encodeFixtureVideo(dir, FRAMES)));
  });

  it.each([
    ['as it is', []],
    ['as ffmpeg remuxes it', ['-map', '0', '-c', 'copy']],
    ["as ffmpeg 5.1 writes synchronous KLV (registration descriptor, no access-unit cells)", ['-map', '0', '-c', 'copy', '-profile:d', '0']],
  ])('Vigil reads it back %s', (_, remux) => {
    let input = file;
    if (remux.length > 0) {
      input = path.join(dir, `remux-${remux.length}.ts`);
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', file, ...remux, '-f', 'mpegts', input]);
    }
    const events = demuxFile(input);
    const klv = events.flatMap((e) => (e.kind === 'klv' ? [e] : []));
    const sent = fixtureKlv(spec);
    expect(klv.map((k) => [...k.bytes])).toEqual(sent.map((k) => [...k.data]));
    // ffmpeg keeps synchronous timestamps when it remuxes; our asynchronous packets have none to keep.
    if (carriage === 'sync') expect(klv.map((k) => k.pts)).toEqual(sent.map((k) => k.pts));
    const video = events.flatMap((e) => (e.kind === 'video' ? [e] : []));
    expect(video).toHaveLength(FRAMES);
    expect(video[0]).toMatchObject({ keyframe: true, pts: FIXTURE_FIRST_PTS });
    expect(events.filter((e) => e.kind === 'klv-skip')).toEqual([]);
  });
});
