/**
 * The fit guide: the shopper types or picks their device (a labelled input with a datalist of
 * the catalogue), sees the recommended fit and any caution, and can choose that fit for the
 * configurator and the offer (through the shared selection store).
 */
import { useStore } from "@nanostores/react";
import { useId, useState } from "react";
import { type Device, devices } from "../fit-guide/devices.ts";
import { matchDevice } from "../fit-guide/match.ts";
import { type Locale, type Translate, translator } from "../i18n/index.ts";
import { names } from "../i18n/names.ts";
import { $selection, selectFit } from "../lib/selection.ts";
import { type FitKey, fits } from "../product/index.ts";

interface Props {
  locale: Locale;
}

function size(fit: FitKey, locale: Locale): string {
  const { rail } = fits[fit];
  const number = new Intl.NumberFormat(locale);
  return [rail.lengthMm, rail.widthMm, rail.thicknessMm].map((n) => number.format(n)).join(" × ");
}

function ApplyFit({ fit, locale, t }: { fit: FitKey; locale: Locale; t: Translate }) {
  const chosen = useStore($selection).fit === fit;
  const name = names[locale].fit[fit];
  return (
    <p>
      <button
        type="button"
        data-testid="fit-guide-apply"
        aria-pressed={chosen}
        onClick={() => selectFit(fit)}
      >
        {t("fitGuide.apply", { fit: name })}
      </button>{" "}
      {chosen && (
        <span data-testid="fit-guide-applied">{t("fitGuide.applied", { fit: name })}</span>
      )}
    </p>
  );
}

function DeviceAdvice({ device, locale, t }: { device: Device; locale: Locale; t: Translate }) {
  const thickness = new Intl.NumberFormat(locale).format(fits[device.fit].rail.thicknessMm);
  return (
    <div data-testid="fit-guide-result" data-fit={device.fit} data-device={device.id}>
      <p>
        {t("fitGuide.recommended", {
          device: device.name,
          fit: names[locale].fit[device.fit],
          size: size(device.fit, locale),
        })}
      </p>
      {device.warnings.length > 0 ? (
        <ul className="fit-guide__warnings" data-testid="fit-guide-warnings">
          {device.warnings.map((warning) => (
            <li key={warning} data-warning={warning}>
              {t(`fitGuide.warning.${warning}`, { thickness })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("fitGuide.noWarning")}</p>
      )}
      <ApplyFit fit={device.fit} locale={locale} t={t} />
      <p className="fit-guide__source">
        <a href={device.source} rel="noopener" target="_blank">
          {t("fitGuide.source")}
        </a>
      </p>
    </div>
  );
}

export default function FitGuide({ locale }: Props) {
  const id = useId();
  const t = translator(locale);
  const [query, setQuery] = useState("");
  const match = matchDevice(query);

  return (
    <div className="fit-guide" data-testid="fit-guide">
      <p>{t("fitGuide.intro")}</p>
      <label htmlFor={`${id}-device`}>{t("fitGuide.label")}</label>
      <input
        id={`${id}-device`}
        type="text"
        list={`${id}-devices`}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        data-testid="fit-guide-input"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      <datalist id={`${id}-devices`}>
        {devices.map((device) => (
          <option key={device.id} value={device.name} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="fit-guide__hint">
        {t("fitGuide.hint")}
      </p>
      <div aria-live="polite" data-testid="fit-guide-output">
        {match.kind === "device" && <DeviceAdvice device={match.device} locale={locale} t={t} />}
        {match.kind === "several" && (
          <div data-testid="fit-guide-several">
            <p>{t("fitGuide.several", { count: match.devices.length })}</p>
            <ul className="fit-guide__choices">
              {match.devices.slice(0, 8).map((device) => (
                <li key={device.id}>
                  <button type="button" onClick={() => setQuery(device.name)}>
                    {device.name}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {match.kind === "unknown" && (
          <div data-testid="fit-guide-unknown" data-fit={match.guess ?? ""}>
            <p>{t("fitGuide.unknown")}</p>
            <p>
              {match.guess
                ? t("fitGuide.unknownGuess", {
                    fit: names[locale].fit[match.guess],
                    size: size(match.guess, locale),
                  })
                : t("fitGuide.unknownNoGuess")}
            </p>
            {match.guess && <ApplyFit fit={match.guess} locale={locale} t={t} />}
          </div>
        )}
      </div>
    </div>
  );
}
