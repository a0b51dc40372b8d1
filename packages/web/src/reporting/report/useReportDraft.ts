import type { ReportDraftDto, ReportFrontDto, ReportDraftSectionDto } from '@tre/core';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { fetchRead } from '../../api/useApi.ts';
import { reportingApi, reportingReads } from '../api.ts';
import { recipientLines } from './FrontEditor.tsx';

interface Edits {
  front: ReportFrontDto;
  recipients: string;
  sections: ReportDraftSectionDto[];
}

const editsOf = (d: ReportDraftDto): Edits => ({
  front: d.front,
  recipients: d.front.recipients.join('\n'),
  sections: d.sections,
});

/** The request the edits make: recipients from the lines typed. */
const requestOf = (e: Edits) => ({ front: { ...e.front, recipients: recipientLines(e.recipients) }, sections: e.sections });

/** The report's text as stored and as edited; saving, assembling again and building, each replacing what is shown. */
export function useReportDraft(roundId: string) {
  const [stored, setStored] = useState<ReportDraftDto | undefined>(undefined);
  const [edits, setEdits] = useState<Edits | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchRead(reportingReads.report(roundId))
      .then((d) => {
        if (!live) return;
        setStored(d);
        setEdits(editsOf(d));
      })
      .catch((e: unknown) => live && setLoadError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [roundId]);

  const dirty =
    stored !== undefined &&
    edits !== null &&
    JSON.stringify(requestOf(edits)) !== JSON.stringify({ front: stored.front, sections: stored.sections });

  const take = (d: ReportDraftDto) => {
    setStored(d);
    setEdits(editsOf(d));
  };
  const save = async () => {
    if (!edits) return;
    take(await reportingApi.saveReport(roundId, requestOf(edits)));
  };
  const assembleAgain = async () => take(await reportingApi.assembleAgain(roundId));
  const discard = useCallback(() => {
    if (stored) setEdits(editsOf(stored));
  }, [stored]);

  return {
    stored,
    edits,
    loadError,
    dirty,
    setFront: (front: ReportFrontDto) => setEdits((e) => (e ? { ...e, front } : e)),
    setRecipients: (recipients: string) => setEdits((e) => (e ? { ...e, recipients } : e)),
    setSections: (sections: ReportDraftSectionDto[]) => setEdits((e) => (e ? { ...e, sections } : e)),
    save,
    assembleAgain,
    discard,
  };
}
