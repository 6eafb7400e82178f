import type { Migration } from '../migration';

/**
 * Camera credentials sealed at rest. Rows stored before this hold UTF-8 plaintext (sealed = 0);
 * SQL cannot encrypt, so the store seals them with the secret box as soon as it opens with one
 * (credentials.ts, sealStoredCredentials), together with passwords still written into stream
 * URLs. secure_delete is set on every connection (open.ts) so the plaintext pages are zeroed.
 */
export const sealedCredentials: Migration = {
  version: 50,
  name: 'sealed-credentials',
  sql: `
ALTER TABLE video_credentials ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0,1));
`,
};
