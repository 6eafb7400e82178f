import { electronWire } from './electron-wire';
import { Transport } from './transport';
import { websocketWire } from './websocket-wire';

const TOKEN_KEY = 'vigil.pairingToken';

/**
 * Picks the wire for this host. In a browser the pairing token arrives once in the URL
 * fragment; it is kept for this tab's session and removed from the address bar at once.
 */
export function connect(): Transport {
  if (window.vigil) return new Transport(electronWire(window.vigil));
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Transport(websocketWire(`${scheme}//${location.host}/api`, token));
}
