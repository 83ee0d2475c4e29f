namespace FaultLab.Load.NBomber;

/// <summary>Byte-size helpers for assertions on data transfer, as NBomber's <c>Bytes</c>.</summary>
public static class Bytes
{
    /// <summary>Kilobytes to bytes (1 KB = 1024 bytes).</summary>
    /// <param name="kb">Kilobytes.</param>
    public static long FromKb(long kb) => kb * 1024;

    /// <summary>Megabytes to bytes.</summary>
    /// <param name="mb">Megabytes.</param>
    public static long FromMb(long mb) => mb * 1024 * 1024;

    /// <summary>Gigabytes to bytes.</summary>
    /// <param name="gb">Gigabytes.</param>
    public static long FromGb(long gb) => gb * 1024 * 1024 * 1024;
}
