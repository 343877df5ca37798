/**
 * The public tracking page of a parcel, from the carrier name in the 3PL's file. Unknown
 * carriers get no link (the buyer still sees the carrier and the number).
 */
const pages: [RegExp, (n: string) => string][] = [
  [/swiss ?post|post ?ch|die post/i, (n) => `https://service.post.ch/ekp-web/ui/entry/search/${n}`],
  [/colissimo|la ?poste/i, (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`],
  [
    /deutsche ?post|dhl ?paket/i,
    (n) => `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${n}`,
  ],
  [/dhl/i, (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}`],
  [/^ups$|united parcel/i, (n) => `https://www.ups.com/track?tracknum=${n}`],
  [/usps|us ?postal/i, (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`],
  [/fedex/i, (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`],
  [/dpd/i, (n) => `https://tracking.dpd.de/status/en_US/parcel/${n}`],
  [/royal ?mail/i, (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`],
];

export function trackingUrl(carrier: string, trackingNumber: string): string {
  const number = encodeURIComponent(trackingNumber.trim());
  if (!number) return "";
  const page = pages.find(([pattern]) => pattern.test(carrier.trim()));
  return page ? page[1](number) : "";
}
