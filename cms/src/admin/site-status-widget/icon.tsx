import type { SVGProps } from 'react';

/** A globe, drawn inline: @strapi/icons is not a dependency of this app (pnpm keeps it inside @strapi/admin). */
export const SiteStatusIcon = (props: SVGProps<SVGSVGElement>) => (
  <svg xmlns="http://www.w3.org/2000/svg" width="1.6rem" height="1.6rem" fill="none" viewBox="0 0 24 24" {...props}>
    <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="2" />
    <path
      stroke="currentColor"
      strokeWidth="2"
      d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3Z"
    />
  </svg>
);
