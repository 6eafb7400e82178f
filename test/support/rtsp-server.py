#!/usr/bin/env python3
"""A real RTSP server for Vigil's tests: Debian's GStreamer RTSP server, bound to loopback.

Mounts (all live, small frames so several streams stay cheap on a 2-core machine):
  /h264        H.264 Baseline, a moving ball, keyframe every second
  /h265        H.265, same picture
  /pattern/P   H.264 of videotestsrc pattern P (smpte, spokes, pinwheel, circular)
  /resize      H.264 that switches between 320×240 and 480×272 every two seconds
With --auth digest|basic every mount needs user "operator" and the --password.
  --file M=P   loops a pre-encoded H.264 file at mount M (no encoding cost per stream)
  --timed-file M=P  plays an H.264 MP4 once at mount M, one session per client, paced in real
               time; prints "SENT <mount> <picture n of the session> <epoch ms>" as each leaves
Prints "READY <port>" on stdout once listening, then serves until killed or stdin closes.
"""
import argparse
import sys
import threading
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def picture(width, height, fps, pattern):
    return (
        f"videotestsrc is-live=true pattern={pattern} ! "
        f"video/x-raw,format=I420,width={width},height={height},framerate={fps}/1 ! "
    )


def h264(width, height, fps, pattern="ball"):
    return (
        "( " + picture(width, height, fps, pattern)
        + f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate=800 ! "
        "video/x-h264,profile=baseline ! rtph264pay name=pay0 pt=96 config-interval=-1 )"
    )


def h265(width, height, fps):
    return (
        "( " + picture(width, height, fps, "ball")
        + f"x265enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate=800 ! "
        "rtph265pay name=pay0 pt=96 config-interval=-1 )"
    )


def factory(launch, shared=True):
    f = GstRtspServer.RTSPMediaFactory()
    f.set_launch(launch)
    f.set_shared(shared)
    return f


STDOUT_LOCK = threading.Lock()


def stamp_sent(_factory, media, mount):
    """Prints when each access unit of this session leaves for the payloader (the benchmarks' clock)."""
    count = [0]

    def handoff(_identity, _buffer):
        at = time.time() * 1000
        # One lock for every session's streaming thread, so lines never interleave.
        with STDOUT_LOCK:
            print(f"SENT {mount} {count[0]} {at:.1f}", flush=True)
        count[0] += 1

    media.get_element().get_by_name("stamp").connect("handoff", handoff)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--width", type=int, default=320)
    ap.add_argument("--height", type=int, default=240)
    ap.add_argument("--fps", type=int, default=25)
    ap.add_argument("--password", default="s3cret-pass")
    ap.add_argument("--auth", choices=("none", "digest", "basic"), default="none")
    ap.add_argument("--file", action="append", default=[],
                    help="MOUNT=PATH: loop a pre-encoded H.264 file (no encoding cost per stream)")
    ap.add_argument("--timed-file", action="append", default=[],
                    help="MOUNT=PATH: play an H.264 MP4 once per client, paced, printing when each picture is sent")
    args = ap.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    w, h, fps = args.width, args.height, args.fps

    mounts.add_factory("/h264", factory(h264(w, h, fps)))

    # /resize: the camera changes resolution every two seconds (320×240 ⇄ 480×272), as some do
    # when an engineer edits their settings; the encoder starts a new sequence each time.
    resize = factory(
        "( videotestsrc is-live=true pattern=ball ! videoscale ! "
        f"capsfilter name=size caps=video/x-raw,format=I420,width=320,height=240,framerate={fps}/1 ! "
        f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate=800 ! "
        "video/x-h264,profile=baseline ! rtph264pay name=pay0 pt=96 config-interval=-1 )", shared=False)

    def on_configure(_factory, media):
        size = media.get_element().get_by_name("size")
        sizes = [(480, 272), (320, 240)]

        def toggle():
            width, height = sizes[0]
            sizes.reverse()
            size.set_property("caps", Gst.Caps.from_string(
                f"video/x-raw,format=I420,width={width},height={height},framerate={fps}/1"))
            return True

        GLib.timeout_add(2000, toggle)

    resize.connect("media-configure", on_configure)
    mounts.add_factory("/resize", resize)
    mounts.add_factory("/h265", factory(h265(w, h, fps)))
    # Other pictures, for screenshots of a grid that is not the same ball everywhere.
    for pattern in ("smpte", "spokes", "pinwheel", "circular"):
        mounts.add_factory(f"/pattern/{pattern}", factory(h264(w, h, fps, pattern)))
    for spec in args.file:
        mount, path = spec.split("=", 1)
        mounts.add_factory(mount, factory(
            f"( multifilesrc location={path} loop=true ! h264parse ! "
            "rtph264pay name=pay0 pt=96 config-interval=-1 )"))

    for spec in args.timed_file:
        mount, path = spec.split("=", 1)
        f = factory(
            f"( filesrc location={path} ! qtdemux ! h264parse ! "
            "identity name=stamp sync=true ! rtph264pay name=pay0 pt=96 config-interval=-1 )",
            shared=False)
        f.connect("media-configure", stamp_sent, mount)
        mounts.add_factory(mount, f)

    if args.auth != "none":
        # Every mount then needs the operator's credentials: without them the server answers 401
        # with its challenge, with wrong ones 401 again.
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "operator")
        if args.auth == "digest":
            auth.add_digest("operator", args.password, token)
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        else:
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic("operator", args.password), token)
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
        server.set_auth(auth)
        for m in ("/h264", "/h265", "/resize") + tuple(s.split("=", 1)[0] for s in args.file):
            f = mounts.match(m)[0]
            perms = GstRtspServer.RTSPPermissions()
            perms.add_role("operator")
            perms.add_permission_for_role("operator", "media.factory.access", True)
            perms.add_permission_for_role("operator", "media.factory.construct", True)
            f.set_permissions(perms)

    loop = GLib.MainLoop()
    if server.attach(None) == 0:
        print("could not listen", file=sys.stderr)
        return 1
    print(f"READY {server.get_bound_port()}", flush=True)

    # Stop with the parent: when the test runner dies, stdin closes.
    def watch_stdin():
        try:
            sys.stdin.read()
        finally:
            GLib.idle_add(loop.quit)

    threading.Thread(target=watch_stdin, daemon=True).start()
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
