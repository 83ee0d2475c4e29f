namespace FaultLab.Control;

/// <summary>The leases: faults added for a while, which a dead-man switch removes when their controller stops renewing.</summary>
public sealed partial class FaultController
{
    /// <summary>Adds a profile's faults under a new lease; they are removed when the lease ends or, unless renewed,
    /// after <paramref name="duration"/> (the dead-man switch).</summary>
    /// <param name="profile">The validated profile whose faults to add.</param>
    /// <param name="duration">The lease's life without renewal; <see cref="LeaseDuration"/> when omitted.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="ArgumentException">The profile is invalid.</exception>
    public FaultLeaseInfo Lease(FaultInjectionOptions profile, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        TimeSpan life = duration ?? _leaseDuration;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(life, TimeSpan.Zero, nameof(duration));
        if (profile.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid fault profile: " + string.Join(" ", errors), nameof(profile));
        }

        FaultLeaseInfo lease;
        lock (_gate)
        {
            string leaseId = "";
            ApplyOrUndoLocked(nameof(profile), () =>
            {
                leaseId = $"lease-{++_nextId}";
                foreach (Fault fault in profile.Faults)
                {
                    _faults.Add(new ControlledFault($"fault-{++_nextId}", fault, leaseId));
                }
            });

            _leases[leaseId] = _time.GetUtcNow() + life;
            ScheduleExpiryLocked();
            lease = LeaseInfo(leaseId, _leases[leaseId]);
        }

        OnChanged();
        return lease;
    }

    /// <summary>Renews a lease for another <see cref="LeaseDuration"/> (or <paramref name="duration"/>) from now.</summary>
    /// <param name="leaseId">The lease's id.</param>
    /// <param name="duration">The new life; <see cref="LeaseDuration"/> when omitted.</param>
    /// <returns>The renewed lease, or <see langword="null"/> when it already ended or expired.</returns>
    public FaultLeaseInfo? Renew(string leaseId, TimeSpan? duration = null)
    {
        lock (_gate)
        {
            if (!_leases.ContainsKey(leaseId))
            {
                return null;
            }

            _leases[leaseId] = _time.GetUtcNow() + (duration ?? _leaseDuration);
            ScheduleExpiryLocked();
            return LeaseInfo(leaseId, _leases[leaseId]);
        }
    }

    /// <summary>Ends a lease now and removes its faults.</summary>
    /// <param name="leaseId">The lease's id.</param>
    /// <returns><see langword="false"/> when it already ended or expired.</returns>
    public bool EndLease(string leaseId)
    {
        lock (_gate)
        {
            if (!_leases.Remove(leaseId))
            {
                return false;
            }

            _faults.RemoveAll(f => f.LeaseId == leaseId);
            ApplyLocked(nameof(leaseId));
            ScheduleExpiryLocked();
        }

        OnChanged();
        return true;
    }

    private FaultLeaseInfo LeaseInfo(string id, DateTimeOffset expiresAt) =>
        new(id, [.. _faults.Where(f => f.LeaseId == id).Select(f => f.Id)], expiresAt);

    private void ScheduleExpiryLocked()
    {
        if (_leases.Count == 0)
        {
            _expiry.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        TimeSpan due = _leases.Values.Min() - _time.GetUtcNow();
        _expiry.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The dead-man switch: a lease its controller stopped renewing takes its faults with it.</summary>
    private void ExpireLeases()
    {
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            var expired = _leases.Where(l => l.Value <= now).Select(l => l.Key).ToList();
            if (expired.Count == 0)
            {
                ScheduleExpiryLocked();
                return;
            }

            foreach (string leaseId in expired)
            {
                _leases.Remove(leaseId);
                _faults.RemoveAll(f => f.LeaseId == leaseId);
            }

            ApplyLocked("lease");
            ScheduleExpiryLocked();
        }

        OnChanged();
    }
}
