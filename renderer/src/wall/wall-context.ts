// The wall link for the components that change the wall (wall view, push-to-wall menus). Provided once per window.
import { createContext, useContext } from 'react';
import type { WallLink } from './wall-link';

export const WallContext = createContext<WallLink | null>(null);

export function useWallLink(): WallLink {
  const link = useContext(WallContext);
  if (!link) throw new Error('useWallLink outside <WallContext.Provider>');
  return link;
}
