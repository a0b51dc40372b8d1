import { useEffect, useRef } from 'react';
import { isApiPath } from '../api/client.ts';

/** The target handed to `onLink` when the browser's Back button was pressed. */
export const BACK = -1;
export type LeaveTarget = string | typeof BACK;

/** Leaves by Back once the user has confirmed: past the guard's own history entry too. */
export function goBackPastGuard(): void {
  window.history.go(-2);
}

/**
 * While `dirty`, asks before the page is left: closing or reloading the tab gets the browser's own
 * question; a click on a link of the app (navigation menu, "Nhập từ tệp") is held and handed to
 * `onLink` with its target, so the page can ask in its own dialog and navigate if confirmed.
 *
 * The app's router is a <BrowserRouter>, where react-router's useBlocker is not available, hence
 * the capture-phase click listener. The Back button is held by a guard entry pushed on the history
 * (same address): Back pops it, the guard pushes it again and hands `BACK` to `onLink`; the page
 * calls goBackPastGuard() if the user confirms.
 */
export function useLeaveGuard(dirty: boolean, onLink: (to: LeaveTarget) => void): void {
  const onLinkRef = useRef(onLink);
  useEffect(() => {
    onLinkRef.current = onLink;
  }, [onLink]);

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // older browsers show the question only when returnValue is set (Chrome before 119, within Vite's build target)
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- kept for those browsers; preventDefault() above is the current way
      e.returnValue = '';
    };
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(a instanceof HTMLAnchorElement) || a.target === '_blank' || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || isApiPath(url.pathname)) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      e.stopPropagation();
      onLinkRef.current(url.pathname + url.search + url.hash);
    };
    const guarded = () => (window.history.state as { treLeaveGuard?: boolean } | null)?.treLeaveGuard === true;
    if (!guarded()) window.history.pushState({ ...(window.history.state as object | null), treLeaveGuard: true }, '');
    const popState = () => {
      if (guarded()) return;
      window.history.pushState({ ...(window.history.state as object | null), treLeaveGuard: true }, '');
      onLinkRef.current(BACK);
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('popstate', popState);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('popstate', popState);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);
}
