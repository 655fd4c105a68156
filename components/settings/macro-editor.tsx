'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { saveMacroAction } from '@/lib/actions/settings-macros';
import { MACRO_ACTION_NAMES } from '@/lib/domain/macros/macro-action-names';
import type { DraftStep, MacroDraft } from '@/lib/domain/macros/macro-draft';
import { MacroStepParams, type MacroOptions } from './macro-step-params';
import { buttonClass, inputClass, secondaryButtonClass } from './fields';

type Props = { macroId?: number; initial: MacroDraft; options: MacroOptions; canMakeGlobal: boolean };

const blank = (action: string): DraftStep => ({ action, content: '', userId: '', teamId: '', labelIds: [], priority: '', status: '', until: '', hours: '', to: '', file: '' });

// M1 settings: a macro's name, visibility and ordered steps. Every button is a submit button with
// an intent, so without JavaScript the server edits the draft; with it, add / remove / move / a
// changed action happen here and only "save" posts. Only saving asks for complete fields.
export const MacroEditor = ({ macroId, initial, options, canMakeGlobal }: Props) => {
  const t = useTranslations('settings.macros');
  const [state, action, pending] = useActionState(saveMacroAction, {});
  const [draft, setDraft] = useState(initial);
  // Stable React keys: a moved step keeps its inputs (a chosen file cannot be set from state).
  const [keys, setKeys] = useState(() => initial.steps.map((_, index) => index));
  const nextKey = useRef(initial.steps.length);
  const setSteps = (steps: DraftStep[], stepKeys: number[]) => {
    setDraft({ ...draft, steps });
    setKeys(stepKeys);
  };
  const edit = (index: number, change: Partial<DraftStep>) => setDraft({ ...draft, steps: draft.steps.map((step, at) => (at === index ? { ...step, ...change } : step)) });
  const move = (index: number, by: number) => {
    const steps = [...draft.steps];
    const stepKeys = [...keys];
    if (!steps[index + by]) return;
    [steps[index], steps[index + by]] = [steps[index + by], steps[index]];
    [stepKeys[index], stepKeys[index + by]] = [stepKeys[index + by], stepKeys[index]];
    setSteps(steps, stepKeys);
  };
  const remove = (index: number) => setSteps(draft.steps.filter((_, at) => at !== index), keys.filter((_, at) => at !== index));
  const add = () => setSteps([...draft.steps, blank('send_message')], [...keys, nextKey.current++]);
  // The buttons act here when JavaScript runs; the form post is their fallback.
  const local = (run: () => void) => (event: React.MouseEvent) => {
    event.preventDefault();
    run();
  };
  const stepError = state.error === 'INVALID_INPUT' && state.details?.step ? Number(state.details.step) : null;

  return (
    <form action={action} className="flex flex-col gap-4" aria-busy={pending}>
      {macroId && <input type="hidden" name="macroId" value={macroId} />}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t('name')}
          <input name="name" required maxLength={100} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} className={inputClass} />
        </label>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="text-xs font-medium text-slate-600">{t('visibility')}</legend>
          {(['personal', 'global'] as const).map((visibility) => (
            <label key={visibility} className="inline-flex items-center gap-1">
              <input
                type="radio"
                name="visibility"
                value={visibility}
                checked={draft.visibility === visibility}
                disabled={visibility === 'global' && !canMakeGlobal}
                onChange={() => setDraft({ ...draft, visibility })}
              />
              {t(`visibilities.${visibility}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <ol aria-label={t('steps')} className="flex flex-col gap-3">
        {draft.steps.map((step, index) => (
          <li key={keys[index] ?? index} className={`rounded-md border p-3 ${stepError === index + 1 ? 'border-red-400' : 'border-slate-200'}`} data-testid="macro-step">
            <div className="flex flex-wrap items-end gap-2">
              <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
                {t('stepNumber', { number: index + 1 })}
                <select name={`step.${index}.action`} value={step.action} onChange={(event) => edit(index, blank(event.target.value))} className={inputClass}>
                  {MACRO_ACTION_NAMES.map((name) => (
                    <option key={name} value={name}>{t(`actions.${name}`)}</option>
                  ))}
                </select>
              </label>
              <noscript>
                <button type="submit" formNoValidate name="intent" value="refresh" className={secondaryButtonClass}>{t('apply')}</button>
              </noscript>
              <div className="flex gap-1">
                <button type="submit" formNoValidate name="intent" value={`up:${index}`} disabled={index === 0} onClick={local(() => move(index, -1))} aria-label={t('moveUp', { number: index + 1 })} className={secondaryButtonClass}>↑</button>
                <button type="submit" formNoValidate name="intent" value={`down:${index}`} disabled={index === draft.steps.length - 1} onClick={local(() => move(index, 1))} aria-label={t('moveDown', { number: index + 1 })} className={secondaryButtonClass}>↓</button>
                <button type="submit" formNoValidate name="intent" value={`remove:${index}`} onClick={local(() => remove(index))} aria-label={t('removeStep', { number: index + 1 })} className={secondaryButtonClass}>✕</button>
              </div>
            </div>
            <MacroStepParams index={index} step={step} options={options} onChange={(change) => edit(index, change)} />
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="submit" formNoValidate name="intent" value="add" disabled={draft.steps.length >= 20} onClick={local(add)} className={secondaryButtonClass}>
          {t('addStep')}
        </button>
        <button type="submit" name="intent" value="save" className={buttonClass} disabled={pending}>{t('save')}</button>
      </div>
      {stepError ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t('stepError', { number: stepError })}</p> : <FormError state={state} />}
    </form>
  );
};
