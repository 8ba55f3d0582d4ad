using MyStamp.Privacy.Contracts;
using Orleans.Concurrency;

namespace MyStamp.Privacy.Register;

/// <summary>Serves the register from any silo, without state.</summary>
[StatelessWorker]
internal sealed class ProcessingRegisterGrain : Grain, IProcessingRegisterGrain
{
    public Task<ProcessingRegister> Get() => Task.FromResult(ProcessingRegisterCatalog.Register);
}
