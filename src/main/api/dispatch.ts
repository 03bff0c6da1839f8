import type { z } from 'zod'
import {
  api,
  ApiError,
  isCommand,
  type ApiHandlers,
  type ApiResult,
  type Command
} from '@shared/api'
import { errorCode } from '../store/durable-file'

/** Answers one command: parses its input, runs its handler, and turns any failure into a typed error. */
export type Dispatch = (command: string, input: unknown) => Promise<ApiResult<unknown>>

/** Turns zod issues into one sentence naming the fields that are wrong. */
function describeInvalidInput(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'input'
    return `${field}: ${issue.message}`
  })
  return `The request was not valid (${parts.join('; ')}).`
}

/** Maps an unexpected error to a typed one, keeping storage failures recognisable. */
export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause
  const code = errorCode(cause)
  if (code === 'ENOSPC') {
    return new ApiError(
      'STORAGE',
      'The disk is full, so the change was not saved. Free some space and try again.'
    )
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ApiError(
      'STORAGE',
      'Clipdesk cannot write to its library folder, so the change was not saved. Check the folder’s permissions.'
    )
  }
  const message = cause instanceof Error ? cause.message : String(cause)
  return new ApiError('INTERNAL', `Clipdesk hit an unexpected error: ${message}`)
}

/** Builds the one dispatcher that IPC and HTTP both call. */
export function createDispatch(
  handlers: ApiHandlers,
  options: { onUnexpectedError?: (command: string, cause: unknown) => void } = {}
): Dispatch {
  return async (command, input) => {
    if (!isCommand(command)) {
      return {
        ok: false,
        error: { code: 'NOT_FOUND', message: `There is no command “${command}”.` }
      }
    }
    const parsed = api[command].input.safeParse(input ?? {})
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: describeInvalidInput(parsed.error) }
      }
    }
    try {
      const handler = handlers[command] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (cause) {
      const error = toApiError(cause)
      if (error.code === 'INTERNAL') options.onUnexpectedError?.(command, cause)
      return { ok: false, error: { code: error.code, message: error.message } }
    }
  }
}

/** Calls a command directly with a typed input, throwing ApiError on failure (for the CLI and tests). */
export async function callCommand<C extends Command>(
  dispatch: Dispatch,
  command: C,
  input: z.input<(typeof api)[C]['input']>
): Promise<z.output<(typeof api)[C]['output']>> {
  const result = await dispatch(command, input)
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.value as z.output<(typeof api)[C]['output']>
}
