import { expect } from 'vitest';
import { stamp } from './support/journey';
import { singleJourney } from './support/single-journey';

// The organisation settings: tagline and address per language, the phone number shared by both.
// The contact page shows them all; every page's footer shows the phone.
const id = stamp();
// Digits only from the stamp, so that only this run's edit can show it.
const phone = `+995 32 2 ${String(Date.now()).slice(-6, -4)} ${String(Date.now()).slice(-4, -2)} ${String(Date.now()).slice(-2)}`;
const ka = { tagline: `ASB სოციალურ სერვისებს ავითარებს ${id}.`, address: `თბილისი, ჭავჭავაძის გამზირი ${id}` };
const en = { tagline: `ASB develops social services ${id}.`, address: `Tbilisi, Chavchavadze Avenue ${id}` };

singleJourney({
  journey: 'organisation-settings',
  typeName: 'Organisation settings',
  path: (locale) => `/${locale}/contact/`,
  georgian: {
    async fill(editor) {
      await editor.fill('Tagline', ka.tagline);
      await editor.fill('Address', ka.address);
      await editor.fill('Phone', phone);
    },
    shows: [ka.tagline, ka.address, phone],
  },
  english: {
    async fill(editor) {
      // The phone is the same in every language: the English form already has the new number.
      expect(await editor.valueOf('Phone')).toBe(phone);
      await editor.fill('Tagline', en.tagline);
      await editor.fill('Address', en.address);
    },
    shows: [en.tagline, en.address, phone],
  },
  check({ ka: kaPage, en: enPage }) {
    expect(kaPage.text).not.toContain(en.tagline);
    expect(enPage.text).not.toContain(ka.tagline);
    // The footer of every page shows the phone.
    const footer = (html: string) => html.slice(html.lastIndexOf('<footer'));
    expect(footer(kaPage.html)).toContain(phone);
    expect(footer(enPage.html)).toContain(phone);
  },
});
