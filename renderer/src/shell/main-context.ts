// The link to main, for the components that act (views, panels) without threading it through
// every prop list. Provided once by App.
import { createContext, useContext } from 'react';
import type { MainLink } from '../state/main-link';

export const MainContext = createContext<MainLink | null>(null);

export function useMain(): MainLink {
  const main = useContext(MainContext);
  if (!main) throw new Error('useMain outside <MainContext.Provider>');
  return main;
}
