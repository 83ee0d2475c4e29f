// FaultLab.Load: the load-scenario engine. It drives any asynchronous step and measures; it knows nothing of faults.
