import { describe, expect, it } from 'vitest';
import { eventsFileName, toCsv } from './event-tables';

describe('event tables as CSV', () => {
  it('writes a header and one line per row, quoting what needs it and leaving nulls empty', () => {
    const csv = toCsv({
      columns: ['message_id', 'status', 'failure_reason', 'retries'],
      rows: [
        { message_id: 'a1:1', status: 'delivered', failure_reason: null, retries: 0 },
        { message_id: 'a1:2', status: 'bounce', failure_reason: 'Mailbox full, "try later"', retries: 2 },
      ],
    });
    expect(csv).toBe('message_id,status,failure_reason,retries\r\na1:1,delivered,,0\r\na1:2,bounce,"Mailbox full, ""try later""",2\r\n');
  });
  it('names the file after the campaign and the table', () => {
    expect(eventsFileName('Welcome: spring', 'tracking')).toBe('Welcome- spring - tracking.csv');
  });
});
