// A hub drone record's stream address with its credentials put back in, as the source expects
// them: RTMP(S) as user:password in the address, SRT as the stream's passphrase. Lives in main
// only (the address with a secret in it is never logged or sent to a window). UDP has none.
export function streamAddress(url: string, username: string | null, password: string | null): string {
  if (password === null) return url;
  const u = new URL(url);
  if (u.protocol === 'rtmp:' || u.protocol === 'rtmps:') {
    u.username = username ?? '';
    u.password = password;
    return u.toString();
  }
  if (u.protocol === 'srt:') {
    u.searchParams.set('passphrase', password);
    return u.toString();
  }
  return url;
}
