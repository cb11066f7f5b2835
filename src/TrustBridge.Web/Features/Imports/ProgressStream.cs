namespace TrustBridge.Web.Features.Imports;

/// <summary>A read-only view of a seekable stream that reports how many bytes have been read.</summary>
internal sealed class ProgressStream(Stream inner, IProgress<ImportProgress>? progress, ImportTally tally) : Stream
{
    private const long ReportEvery = 256 * 1024;
    private long _lastReported = -ReportEvery;

    public override int Read(byte[] buffer, int offset, int count) => Reported(inner.Read(buffer, offset, count));
    public override int Read(Span<byte> buffer) => Reported(inner.Read(buffer));
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Reported(await inner.ReadAsync(buffer, ct));
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int Reported(int read)
    {
        if (progress is not null && (read == 0 || inner.Position - _lastReported >= ReportEvery))
        {
            _lastReported = inner.Position;
            progress.Report(new ImportProgress(inner.Position, inner.Length, tally.RowsRead));
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
