import { ErrorCode } from '@tre/core';
import { TreError } from '../../errors.ts';

/**
 * The errors of the population link, each a TreError POPULATION_UNAVAILABLE (503) with a precise
 * message in both languages. Built from counts, seconds and HTTP statuses only: never from the
 * request (the child's ID or name) nor from the service's reply text, which could quote them.
 */

/** Why one attempt failed in a way a later attempt may not. */
export type TransientReason = 'network' | 'timeout' | 'rate_limited' | 'server_error';

const SERVICE = { vi: 'Cơ sở dữ liệu quốc gia về dân cư', en: 'The national population database' };

const unavailable = (vi: string, en: string, seconds?: number) =>
  new TreError(ErrorCode.PopulationUnavailable, {
    detail: { vi: `${SERVICE.vi} ${vi}`, en: `${SERVICE.en} ${en}` },
    // http/errors.ts turns `seconds` into a Retry-After header on Tre's own 503
    ...(seconds === undefined ? {} : { params: { seconds } }),
  });

const secondsEn = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

const tries = (attempts: number) => ({
  vi: attempts > 1 ? ` (đã thử ${attempts} lần)` : '',
  en: attempts > 1 ? ` (${attempts} attempts)` : '',
});

/** The last of `attempts` attempts failed for `reason`. */
export function transientFailure(reason: TransientReason, attempts: number, extra: { status?: number; seconds?: number }) {
  const t = tries(attempts);
  switch (reason) {
    case 'network':
      return unavailable(`không kết nối được${t.vi}; vui lòng thử lại sau`, `could not be reached${t.en}; try again later`);
    case 'timeout':
      return unavailable(`không trả lời kịp${t.vi}; vui lòng thử lại sau`, `did not answer in time${t.en}; try again later`);
    case 'rate_limited': {
      const wait =
        extra.seconds === undefined
          ? { vi: 'sau', en: 'later' }
          : { vi: `sau ${extra.seconds} giây`, en: `in ${secondsEn(extra.seconds)}` };
      return unavailable(
        `đang từ chối vì có quá nhiều yêu cầu${t.vi}; vui lòng thử lại ${wait.vi}`,
        `is refusing requests because there are too many${t.en}; try again ${wait.en}`,
        extra.seconds,
      );
    }
    case 'server_error':
      return unavailable(
        `đang gặp sự cố (HTTP ${extra.status ?? 500})${t.vi}; vui lòng thử lại sau`,
        `is failing (HTTP ${extra.status ?? 500})${t.en}; try again later`,
        extra.seconds,
      );
  }
}

/** The circuit is open: refused without calling the service. */
export function circuitOpen(failures: number, retryInMs: number) {
  const seconds = Math.ceil(retryInMs / 1000);
  return unavailable(
    `tạm ngừng được tra cứu sau ${failures} lần lỗi liên tiếp; vui lòng thử lại sau ${seconds} giây`,
    `is not being consulted for now after ${failures} failures in a row; try again in ${secondsEn(seconds)}`,
    seconds,
  );
}

export function keyRefused(status: number) {
  return unavailable(
    `từ chối khóa truy cập của Tre (HTTP ${status}); quản trị viên cần kiểm tra TRE_POPULATION_KEY`,
    `refused Tre's access key (HTTP ${status}); the administrator must check TRE_POPULATION_KEY`,
  );
}

export function requestRefused(status: number) {
  return unavailable(
    `từ chối yêu cầu của Tre là không hợp lệ (HTTP ${status}); báo quản trị viên`,
    `refused Tre's request as invalid (HTTP ${status}); tell the administrator`,
  );
}

/** An answer outside the contract: not trusted, not used. `where` is a field path of the contract or an HTTP status. */
export function malformedAnswer(where: string) {
  return unavailable(
    `trả lời sai định dạng (${where}); kết quả không được dùng`,
    `gave an answer outside the contract (${where}); it was not used`,
  );
}
