using System.Buffers;
using System.Text;

namespace TrustBridge.Core.Text;

/// <summary>The CSV is broken in a way that makes the rest of the file unreadable (an unterminated quote).</summary>
public sealed class CsvFormatException(int line, string message) : Exception($"Line {line}: {message}")
{
    public int Line { get; } = line;
    public string Reason { get; } = message;
}

/// <summary>
/// Reads RFC 4180 CSV records and remembers the physical line each record starts on, so row errors can point at the
/// line a person sees in an editor even when a quoted field spans several lines. Blank lines are skipped; a leading
/// byte-order mark is dropped; a stray quote inside an unquoted field is kept as text (Excel writes such files).
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char delimiter = ',')
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly SearchValues<char> _stops = SearchValues.Create([delimiter, '\r', '\n']);
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _pos, _len, _line = 1;
    private bool _started;

    /// <summary>The physical line (1-based) the current record starts on.</summary>
    public int Line { get; private set; }

    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            _fields.Clear();
            var c = Peek();
            if (c < 0) return false;
            if (c is '\r' or '\n') { ConsumeNewline(); continue; }
            Line = _line;
            ReadRecord();
            return true;
        }
    }

    private void ReadRecord()
    {
        while (true)
        {
            _field.Clear();
            if (Peek() == '"') ReadQuoted(); else ReadUnquoted();
            _fields.Add(_field.ToString());
            var c = Peek();
            if (c == delimiter) { _pos++; continue; }
            if (c >= 0) ConsumeNewline();
            return;
        }
    }

    private void ReadUnquoted()
    {
        while (true)
        {
            if (Peek() < 0) return;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny(_stops);
            if (stop >= 0)
            {
                _field.Append(span[..stop]);
                _pos += stop;
                return;
            }
            _field.Append(span);
            _pos = _len;
        }
    }

    private void ReadQuoted()
    {
        var opened = _line;
        _pos++;
        while (true)
        {
            var c = Peek();
            if (c < 0) throw new CsvFormatException(opened, "a quoted field is never closed (unterminated quote).");
            _pos++;
            if (c == '"')
            {
                if (Peek() == '"') { _pos++; _field.Append('"'); continue; }
                break;
            }
            if (c == '\n' || (c == '\r' && Peek() != '\n')) _line++;
            _field.Append((char)c);
        }
        var next = Peek();
        if (next >= 0 && next != delimiter && next != '\r' && next != '\n')
            throw new CsvFormatException(_line, $"unexpected character '{(char)next}' after a closing quote.");
    }

    private void ConsumeNewline()
    {
        if (Peek() == '\r') { _pos++; if (Peek() == '\n') _pos++; }
        else _pos++;
        _line++;
    }

    private int Peek()
    {
        if (_pos < _len) return _buffer[_pos];
        _len = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (_len <= 0) { _len = 0; return -1; }
        if (!_started)
        {
            _started = true;
            if (_buffer[0] == '\uFEFF') { _pos = 1; return Peek(); }
        }
        return _buffer[_pos];
    }
}
